import { describe, expect, it } from "vitest";
import { auditChanges, fieldLabel } from "./audit-diff";

const names = new Map([
  [5, "Chris CSM"],
  [7, "Mona Manager"],
]);

describe("readable audit diffs", () => {
  it('an owner change reads "Owner: Chris CSM → Mona Manager", MRR in dollars, unchanged fields left out', () => {
    expect(
      auditChanges(
        { ownerId: 5, mrrCents: 120_000, name: "Acme", updatedAt: "x" },
        { ownerId: 7, mrrCents: 150_050, name: "Acme", updatedAt: "y" },
        (id) => names.get(id),
      ),
    ).toEqual([
      { field: "Owner", before: "Chris CSM", after: "Mona Manager" },
      { field: "MRR", before: "$1,200", after: "$1,500.50" },
    ]);
  });

  it("a creation lists what was set; no owner reads as a dash; secrets never show", () => {
    expect(
      auditChanges(null, { ownerId: null, active: true, webhookSecret: "whsec_x", askCapacity: 3 }, () => undefined),
    ).toEqual([
      { field: "Owner", before: null, after: "—" },
      { field: "Active", before: null, after: "yes" },
      { field: "Ask capacity", before: null, after: "3" },
    ]);
  });

  it("column names become words", () => {
    expect(fieldLabel("triggerTypeKey")).toBe("Trigger type key");
    expect(fieldLabel("mrrCents")).toBe("MRR");
  });
});
