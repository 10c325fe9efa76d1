/** The currencies and time zones this runtime knows (ICU's lists), for the pickers. */
export const CURRENCIES: readonly string[] = Intl.supportedValuesOf("currency");
export const TIME_ZONES: readonly string[] = [
  "UTC",
  ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC"),
];

export const isCurrency = (value: string) => CURRENCIES.includes(value);

// Every settings read checks the book's zone: building a formatter each time cost a page more than its query.
const knownZones = new Set<string>(TIME_ZONES);

/** Any IANA zone the runtime can format in: the picker's, and aliases such as Etc/GMT-5 or Asia/Calcutta. */
export function isTimeZone(value: string): boolean {
  if (knownZones.has(value)) return true;
  if (value.length === 0 || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
  } catch {
    return false;
  }
  knownZones.add(value);
  return true;
}
