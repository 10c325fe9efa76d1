import { createTranslator } from "next-intl";
import { compileCatalog } from "@/lib/i18n/compile-catalog";
import { describe, expect, it } from "vitest";
import en from "@/messages/en";
import { type CustomerActionLabels, paletteOptions, readPaletteInput } from "./command-palette";

const t = createTranslator({ locale: "en", messages: compileCatalog(en), namespace: "common.palette" });
const actionLabels: CustomerActionLabels = {
  interaction: (name) => t("logInteractionFor", { name }),
  task: (name) => t("newTaskFor", { name }),
};

const pages = [
  { href: "/risk", label: "Risk" },
  { href: "/customers", label: "Customers" },
  { href: "/settings/scoring", label: "Settings → Scoring" },
];
const actions = [
  { href: "/customers/new", label: "New customer" },
  { href: "/settings/data", label: "Import CSV" },
];
const acme = { id: 7, name: "Acme Corp", company: "Acme", email: "ops@acme.example" };
const ada = { id: 8, name: "Ada Lovelace", company: null, email: null };

const labels = (input: string, extra: Partial<Parameters<typeof paletteOptions>[0]> = {}) =>
  paletteOptions({
    input,
    pages,
    actions,
    customers: [],
    customerActions: ["interaction", "task"],
    actionLabels,
    ...extra,
  }).map((o) => `${o.group}: ${o.label}`);

describe("Command palette: pages, customers and the main actions", () => {
  it("with nothing typed it lists every page and action the role was given", () => {
    expect(labels("")).toEqual([
      "Pages: Risk",
      "Pages: Customers",
      "Pages: Settings → Scoring",
      "Actions: New customer",
      "Actions: Import CSV",
    ]);
  });

  it("pages and actions match every typed word in any order and case", () => {
    expect(labels("scoring SET")).toEqual(["Pages: Settings → Scoring"]);
    expect(labels("csv")).toEqual(["Actions: Import CSV"]);
  });

  it("a found customer opens their page, with “Log interaction for …” and “New task for …” landing on the forms", () => {
    const options = paletteOptions({
      input: "acme",
      pages,
      actions,
      customers: [acme],
      customerActions: ["interaction", "task"],
      actionLabels,
    });
    expect(options.map((o) => [o.label, o.href])).toEqual([
      ["Acme Corp", "/customers/7"],
      ["Log interaction for Acme Corp", "/customers/7?add=interaction#log-interaction"],
      ["New task for Acme Corp", "/customers/7?add=task#new-task"],
    ]);
    expect(options[0].detail).toBe("Acme · ops@acme.example");
  });

  it("a viewer (no customer actions) gets the customer's page only", () => {
    expect(labels("acme", { customers: [acme], customerActions: [] })).toEqual(["Customers: Acme Corp"]);
  });

  it("“new task for ada” searches “ada” and offers only the task action, for every customer found", () => {
    expect(readPaletteInput("new task for ada")).toEqual({ action: "task", term: "ada" });
    expect(readPaletteInput("Log interaction for  Acme ")).toEqual({ action: "interaction", term: "Acme" });
    expect(readPaletteInput("log for acme")).toEqual({ action: "interaction", term: "acme" });
    expect(readPaletteInput("Logan")).toEqual({ action: null, term: "Logan" });
    expect(readPaletteInput("new task")).toEqual({ action: null, term: "new task" });
    expect(labels("new task for a", { customers: [acme, ada] })).toEqual([
      "Actions: New task for Acme Corp",
      "Actions: New task for Ada Lovelace",
    ]);
  });

  it("the reader's own phrases ask for an action too, and the English ones still work", () => {
    const phrases = { task: "Aufgabe für", interaction: "Interaktion für" };
    expect(readPaletteInput("aufgabe  für Acme", phrases)).toEqual({ action: "task", term: "Acme" });
    expect(readPaletteInput("Interaktion für Ada", phrases)).toEqual({ action: "interaction", term: "Ada" });
    expect(readPaletteInput("new task for ada", phrases)).toEqual({ action: "task", term: "ada" });
    expect(readPaletteInput("Aufgabenliste", phrases)).toEqual({ action: null, term: "Aufgabenliste" });
    expect(readPaletteInput("新建任务阿里", { task: "新建任务" })).toEqual({ action: "task", term: "阿里" });
  });

  it("a typed action the role may not take offers nothing", () => {
    expect(labels("new task for ada", { customers: [ada], customerActions: ["interaction"] })).toEqual([]);
  });
});
