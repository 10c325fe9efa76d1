/** A key with no message shows as itself in brackets, "⟦risk.title⟧": the browser tests look for it. */
export function missingMessage({ namespace, key }: { namespace?: string; key: string }): string {
  return `⟦${namespace ? `${namespace}.` : ""}${key}⟧`;
}
