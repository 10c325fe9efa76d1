/**
 * Why PostgreSQL could not store this text exactly as sent, or null: it refuses NUL characters,
 * and an unpaired UTF-16 surrogate (half an emoji) would silently become "\uFFFD".
 */
export function unstorableText(value: string): string | null {
  if (value.includes("\u0000")) return "Remove the invisible NUL character: it cannot be stored.";
  if (!value.isWellFormed()) return "This contains a broken character (half of an emoji?): please retype it.";
  return null;
}
