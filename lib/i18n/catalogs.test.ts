import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import de from "@/messages/de";
import en from "@/messages/en";
import tr from "@/messages/tr";
import zhCN from "@/messages/zh-CN";
import { pseudoCatalog, pseudoMessage } from "./pseudo";
import { type Catalog, flattenCatalog } from "@/lib/i18n/flatten";

/** The arguments and tags a message uses: a translation must use the same ones. */
function placeholders(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date)
      into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) placeholders(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      placeholders(element.children, into);
    }
  }
  return into;
}

const english = flattenCatalog(en as Catalog);
const translations = { de, tr, "zh-CN": zhCN } as Record<string, Catalog>;

describe("every catalog is complete", () => {
  it("English has messages", () => {
    expect(english.size).toBeGreaterThan(100);
  });

  for (const [locale, catalog] of Object.entries(translations)) {
    const messages = flattenCatalog(catalog);

    it(`${locale} has exactly English's keys: none missing, none extra`, () => {
      expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([]);
      expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([]);
    });

    it(`${locale}: every message parses and uses the same arguments and tags as English`, () => {
      const mismatched: string[] = [];
      for (const [key, text] of messages) {
        const source = english.get(key);
        if (source === undefined) continue;
        const mine = [...placeholders(parse(text))].sort().join(",");
        const theirs = [...placeholders(parse(source))].sort().join(",");
        if (!text.trim() || mine !== theirs) mismatched.push(`${key}: ${JSON.stringify(text)}`);
      }
      expect(mismatched).toEqual([]);
    });
  }

  it("English messages parse as ICU", () => {
    for (const text of english.values()) expect(() => parse(text)).not.toThrow();
  });
});

describe("the pseudo-locale", () => {
  it("accents and lengthens the words but keeps arguments, plurals and tags: [Ŕéšéţ {name} ··]", () => {
    expect(pseudoMessage("Reset {name}")).toBe("[Ŕéšéţ {name} ··]");
    expect(pseudoMessage("{count, plural, one {# task} other {# tasks}}")).toBe(
      "{count, plural, one {# task} other {# tasks}}",
    );
    expect(pseudoMessage("Read <link>the guide</link>")).toBe("[Ŕéàð <link>ţĥé ĝûîðé</link> ·····]");
  });

  it("keeps every English key and every message parsable", () => {
    const pseudo = flattenCatalog(pseudoCatalog(en as Catalog));
    expect([...pseudo.keys()]).toEqual([...english.keys()]);
    for (const text of pseudo.values()) expect(() => parse(text)).not.toThrow();
  });
});
