import { createTranslator } from "next-intl";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { describe, expect, it } from "vitest";
import de from "@/messages/de";
import en from "@/messages/en";
import { DEFAULT_MODELS } from "@/lib/journey/models";
import { modelName, stageName } from "./journey-labels";

const english = createTranslator({ locale: "en", messages: compileCatalog(en), namespace: "journey" });
const german = createTranslator({ locale: "de", messages: compileCatalog(de as typeof en), namespace: "journey" });

describe("built-in journey names", () => {
  it("every built-in model and stage has a catalog entry that reads as the English default", () => {
    for (const model of DEFAULT_MODELS) {
      expect(modelName(english, model)).toBe(model.name);
      for (const stage of model.stages) expect(stageName(english, model, stage)).toBe(stage.name);
    }
  });

  it("shows built-in names in the reader's language", () => {
    const [hourglass, , scale] = DEFAULT_MODELS;
    expect(modelName(german, hourglass)).toBe("Marketing-Sanduhr");
    expect(scale.stages.map((stage) => stageName(german, scale, stage))).toEqual([
      "Suche",
      "Überlegen",
      "Handeln",
      "Liebe",
      "Evangelisieren",
    ]);
  });

  it("shows a team's own names as written", () => {
    expect(modelName(german, { key: "hourglass", name: "Our hourglass" })).toBe("Our hourglass");
    expect(modelName(german, { key: "custom", name: "SCALE" })).toBe("SCALE");
    expect(stageName(german, { key: "scale" }, { name: "Onboarding" })).toBe("Onboarding");
    expect(stageName(german, { key: "custom" }, { name: "Seek" })).toBe("Seek");
  });
});
