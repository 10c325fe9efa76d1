import compile from "icu-minify/compile";
import { createTranslator } from "use-intl/core";

/**
 * Whether use-intl formats compiled messages here. next.config.js and vitest.config.mts point it at
 * its formatter for them, which hands a plain string back untouched; scripts run by tsx keep the
 * ICU parser, which reads "{x}" as an argument.
 */
const FORMATS_COMPILED = createTranslator({ locale: "en", messages: { probe: "{x}" } })("probe", { x: "" }) === "{x}";

/**
 * A catalog with every message compiled once (icu-minify), in the catalog's own shape and type; as
 * it is where use-intl still parses ICU. With ICU strings, every `t(key, values)` built and
 * serialised the whole date and number format table to find its parsed message: the risk list's 25
 * rows spent more of their render there than in React.
 */
export function compileCatalog<T>(catalog: T): T {
  return FORMATS_COMPILED ? (compileNode(catalog) as T) : catalog;
}

function compileNode(node: unknown): unknown {
  if (typeof node === "string") return plain(compile(node));
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, value]) => [key, compileNode(value)]),
  );
}

/** icu-minify keeps plural branches in prototype-less objects, which cannot be passed to client components. */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]));
  return value;
}
