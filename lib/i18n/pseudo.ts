import type { Catalog } from "./flatten";

const ACCENTED: Record<string, string> = {
  a: "à",
  b: "ƀ",
  c: "ç",
  d: "ð",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "î",
  j: "ĵ",
  k: "ķ",
  l: "ļ",
  m: "ɱ",
  n: "ñ",
  o: "ö",
  p: "þ",
  r: "ŕ",
  s: "š",
  t: "ţ",
  u: "û",
  w: "ŵ",
  y: "ý",
  z: "ž",
  A: "Å",
  C: "Ç",
  D: "Ð",
  E: "É",
  G: "Ĝ",
  H: "Ĥ",
  I: "Î",
  J: "Ĵ",
  K: "Ķ",
  L: "Ļ",
  N: "Ñ",
  O: "Ö",
  R: "Ŕ",
  S: "Š",
  T: "Ţ",
  U: "Û",
  W: "Ŵ",
  Y: "Ý",
  Z: "Ž",
};

/**
 * One message in the pseudo-locale: letters accented, about 40 % longer (German runs a third longer
 * than English), in brackets so clipped ends show. ICU arguments and tags ({count}, <b>) are kept.
 */
export function pseudoMessage(message: string): string {
  let depth = 0;
  let inTag = false;
  let letters = 0;
  let out = "";
  for (const char of message) {
    if (char === "{") depth += 1;
    if (char === "<") inTag = true;
    const literal = depth === 0 && !inTag;
    out += literal ? (ACCENTED[char] ?? char) : char;
    if (literal && /\p{L}/u.test(char)) letters += 1;
    if (char === "}") depth = Math.max(0, depth - 1);
    if (char === ">") inTag = false;
  }
  return letters === 0 ? out : `[${out} ${"·".repeat(Math.ceil(letters * 0.4))}]`;
}

export function pseudoCatalog<T extends Catalog>(catalog: T): T {
  return Object.fromEntries(
    Object.entries(catalog).map(([key, value]) => [
      key,
      typeof value === "string" ? pseudoMessage(value) : pseudoCatalog(value),
    ]),
  ) as T;
}
