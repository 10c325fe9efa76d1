export type Catalog = { [key: string]: string | Catalog };

/** A catalog's messages by their dotted key: { risk: { title: "Risk" } } → "risk.title" → "Risk". */
export function flattenCatalog(catalog: Catalog, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flattenCatalog(value, path)) out.set(inner, text);
  }
  return out;
}
