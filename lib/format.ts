const number = new Intl.NumberFormat("en-US");
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return number.format(value);
}

export function formatCents(cents: number): string {
  return money.format(cents / 100);
}
