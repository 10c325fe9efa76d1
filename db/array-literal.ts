/**
 * A PostgreSQL array literal to bind as one parameter (`= any($1::int[])`): one value for any
 * number of items, so the statement's text stays the same. For numbers, or strings with no comma,
 * quote, brace or space in them (ids, ISO moments).
 */
export function arrayLiteral(values: readonly (number | string)[]): string {
  return `{${values.join(",")}}`;
}
