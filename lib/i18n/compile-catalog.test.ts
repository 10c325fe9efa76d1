import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { compileCatalog } from "./compile-catalog";

describe("compiled catalogs", () => {
  const catalog = compileCatalog({
    tasks: { open: "{count, plural, one {# open task} other {# open tasks}} for <b>{name}</b>" },
  });

  it("are compiled under the tests as under Next (the same formatter reads them)", () => {
    expect(Array.isArray(catalog.tasks.open)).toBe(true);
    // Plain objects all the way down, or React refuses to pass them to client components.
    expect(JSON.stringify(catalog.tasks.open)).toContain('{"one":');
    const branches = (catalog.tasks.open as unknown as [[string, number, object]])[0][2];
    expect(Object.getPrototypeOf(branches)).toBe(Object.prototype);
  });

  it("format plurals, arguments and tags: 1 → '1 open task', 3 → '3 open tasks'", () => {
    const t = createTranslator({ locale: "en", messages: catalog, namespace: "tasks" });
    expect(t.markup("open", { count: 1, name: "Ada", b: (chunks) => `*${chunks}*` })).toBe("1 open task for *Ada*");
    expect(t.markup("open", { count: 3, name: "Ada", b: (chunks) => chunks })).toBe("3 open tasks for Ada");
  });
});
