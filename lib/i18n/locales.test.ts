import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./locales";

describe("the browser's language picks ours", () => {
  it("the first language we have, by weight: de-AT → de, tr → tr, zh-TW and zh-Hans → zh-CN", () => {
    expect(localeFromAcceptLanguage("de-AT,de;q=0.9,en;q=0.8")).toBe("de");
    expect(localeFromAcceptLanguage("tr-TR")).toBe("tr");
    expect(localeFromAcceptLanguage("zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-Hans-CN")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,de;q=0.5")).toBe("de");
    expect(localeFromAcceptLanguage("en;q=0.3,tr;q=0.8")).toBe("tr");
  });

  it("nothing we have, a refusal (q=0) or no header → English", () => {
    expect(localeFromAcceptLanguage("fr-FR,ja;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de;q=0")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("*")).toBe("en");
  });
});
