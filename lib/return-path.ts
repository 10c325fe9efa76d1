/**
 * Where a form may send the person back to after saving: only the pages that link to it (the
 * delight queue with its search and page, a customer's page), never another site.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length > 500) return null;
  const path = value.trim();
  if (!/^\/(delight(\?|$)|customers\/\d+(\?|$))/.test(path)) return null;
  if (path.includes("//") || path.includes("\\")) return null;
  return path;
}
