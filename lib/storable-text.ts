/**
 * Why PostgreSQL could not store this text exactly as sent, or null: it refuses NUL characters,
 * and an unpaired UTF-16 surrogate (half an emoji) would silently become "\uFFFD".
 */
export function unstorableReason(value: string): "nul" | "brokenCharacter" | null {
  if (value.includes("\u0000")) return "nul";
  if (!value.isWellFormed()) return "brokenCharacter";
  return null;
}

/** unstorableReason in English (forms say it in the reader's language: lib/validation/fields.ts). */
export function unstorableText(value: string): string | null {
  const reason = unstorableReason(value);
  if (reason === "nul") return "Remove the invisible NUL character: it cannot be stored.";
  if (reason === "brokenCharacter") return "This contains a broken character (half of an emoji?): please retype it.";
  return null;
}
