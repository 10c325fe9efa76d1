const number = new Intl.NumberFormat("en-US");
const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 });

export function formatNumber(value: number): string {
  return number.format(value);
}

export function formatCents(cents: number): string {
  return money.format(cents / 100);
}

/** 0.1234 → "12.3%"; null → "—". */
export function formatPercent(value: number | null, digits = 1): string {
  return value === null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

/** A ratio such as a lift: 3.14159 → "3.1×"; null → "—". */
export function formatTimes(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(1)}×`;
}

/** A count with its noun in the right number: "1 referral", "3 referrals". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}
