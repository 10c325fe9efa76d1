import fc from "fast-check";

/** Seed for every fast-check run of the bad-input suites; FC_SEED=… replays another. */
export const FUZZ_SEED = Number(process.env.FC_SEED ?? 20_261_123);

export const HUGE_TEXT = "x".repeat(100_000);
export const NUL = "\u0000";
export const LONE_SURROGATE = "\ud83d";

/** Text people may legitimately type or paste: it must be stored exactly (after trimming) and shown literally. */
export const STORABLE_SHAPES = [
  "'; drop table customers; --",
  "Robert'); DELETE FROM members; --",
  '" or "1"="1',
  "<script>alert('xss')</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(document.cookie)",
  "{{7*7}} ${7*7} %s%n",
  '=HYPERLINK("http://x.example","go")',
  "Zoë Ångström — 日本語 مرحبا עברית",
  "\u202eevil.exe\u202c and a\u200bzero\u200dwidth",
  "👩‍👩‍👧‍👦 🏳️‍🌈 e\u0301 Z\u0351\u0352\u0353",
  "  padded with spaces  ",
] as const;

/** Strings that must be refused at their field (PostgreSQL cannot store NUL; a lone surrogate is not text). */
export const UNSTORABLE_SHAPES = [`before${NUL}after`, `broken ${LONE_SURROGATE} emoji`, HUGE_TEXT] as const;

/** Ids a forged form or a curious client may send. */
export const ODD_IDS: unknown[] = [
  "99999999999",
  "2147483648",
  "-1",
  "0",
  "1e3",
  "0x10",
  "1.5",
  "abc",
  "%00",
  NUL,
  " ",
  ["1"],
  {},
  true,
  1e21,
];

const NASTY_STRINGS = [
  "",
  " ",
  " \t\n\u00a0\ufeff ",
  HUGE_TEXT,
  NUL,
  `a${NUL}b`,
  LONE_SURROGATE,
  "\udc00x",
  ...STORABLE_SHAPES,
  "99999999999",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "1e3",
  "1.5",
  "-0",
  " 12 ",
  "0001-01-01T00:00:00Z",
  "-271821-04-20T00:00:00Z",
  "+275760-09-13T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "2026-02-30",
  "yesterday",
  "0",
  "__proto__",
  "constructor",
  "on",
  "true",
  "null",
  "undefined",
];

const NON_STRINGS: unknown[] = [
  null,
  undefined,
  true,
  false,
  0,
  -1,
  99_999_999_999,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  [],
  ["a"],
  [HUGE_TEXT],
  {},
  { nested: { deeper: "<b>" } },
];

/** Any UTF-16 code unit, NUL and lone surrogates included. */
const codeUnitString = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  maxLength: 40,
});

/** One nasty value: from the pool, random code units, or two pool strings glued together. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...NON_STRINGS) },
  { weight: 2, arbitrary: codeUnitString },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...NASTY_STRINGS), fc.constantFrom(...NASTY_STRINGS))
      .map(([a, b]) => `${a}${b}`),
  },
);

/** Fields nobody's form sends, which a forged request may. */
export const UNKNOWN_FIELDS = [
  "id",
  "actorId",
  "role",
  "createdAt",
  "__proto__",
  "constructor",
  "$ACTION_ID_x",
  "customerId",
  "status",
  "password",
];

/**
 * An input for a form or API item with these fields: a valid one with one of its own fields
 * replaced (so some get stored and can be compared), a valid one with several fields replaced or
 * added, or an object made only of nasty values.
 */
export function nastyInput(
  fields: readonly string[],
): fc.Arbitrary<{ keepValid: boolean; fields: Record<string, unknown> }> {
  const names = [...new Set([...fields, ...UNKNOWN_FIELDS])];
  const some = (from: string[], maxKeys: number) =>
    fc.dictionary(fc.constantFrom(...from), nastyValue, { minKeys: 1, maxKeys, noNullPrototype: true });
  return fc.oneof(
    { weight: 2, arbitrary: fc.record({ keepValid: fc.constant(true), fields: some([...fields], 1) }) },
    { weight: 1, arbitrary: fc.record({ keepValid: fc.constant(true), fields: some(names, 4) }) },
    { weight: 1, arbitrary: fc.record({ keepValid: fc.constant(false), fields: some(names, 6) }) },
  );
}
