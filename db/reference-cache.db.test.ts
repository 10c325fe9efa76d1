import { asc, eq, sql, TransactionRollbackError } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, type Queryable, queryRows } from "./index";
import { journeyModels, playbooks, settings } from "./schema";
import { referenceCached } from "./reference-cache";
import { getSettings } from "@/server/settings/queries";
import { listPlaybookChoices } from "@/server/playbooks/queries";
import { configOf, getLiveVersion, getShadowVersion, insertVersion } from "@/server/scoring/versions";
import { separateConnections } from "@/testing/separate-connections";

const [elsewhere] = separateConnections(1);

async function generation(): Promise<number> {
  const [row] = await queryRows<{ generation: string }>(db, sql`select generation from reference_generation`);
  return Number(row.generation);
}

function countingModelNames() {
  const calls = { n: 0 };
  const read = referenceCached(async (runner: Queryable) => {
    calls.n++;
    const rows = await runner.select({ name: journeyModels.name }).from(journeyModels).orderBy(asc(journeyModels.id));
    return rows.map((row) => row.name);
  });
  return { read, calls };
}

describe("reference cache", () => {
  it("reads once while the reference data is unchanged, and again after another connection renames a model", async () => {
    const { read, calls } = countingModelNames();
    const before = await read(db);
    expect(await read(db)).toEqual(before);
    expect(calls.n).toBe(1);
    const [first] = await db.select().from(journeyModels).orderBy(asc(journeyModels.id)).limit(1);
    await elsewhere.update(journeyModels).set({ name: "Renamed elsewhere" }).where(eq(journeyModels.id, first.id));
    expect((await read(db))[0]).toBe("Renamed elsewhere");
    expect(calls.n).toBe(2);
  });

  it("moves the generation once for a transaction that writes three settings, and not for one rolled back", async () => {
    const start = await generation();
    await db.transaction(async (tx) => {
      for (const key of ["a.one", "a.two", "a.three"])
        await tx.insert(settings).values({ key, value: {} }).onConflictDoNothing();
    });
    expect(await generation()).toBe(start + 1);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(settings).values({ key: "a.four", value: {} });
        tx.rollback();
      }),
    ).rejects.toThrow(TransactionRollbackError);
    expect(await db.select().from(settings).where(eq(settings.key, "a.four"))).toEqual([]);
    expect(await generation()).toBe(start + 1);
  });

  it("inside a transaction reads the transaction's own uncommitted setting; outside it, the committed one until the commit", async () => {
    const { risk: before } = await getSettings(db, ["risk"]);
    const changed = before.atRiskScore + 1;
    await db.transaction(async (tx) => {
      await tx
        .insert(settings)
        .values({ key: "risk", value: { ...before, atRiskScore: changed } })
        .onConflictDoUpdate({ target: settings.key, set: { value: { ...before, atRiskScore: changed } } });
      expect((await getSettings(tx, ["risk"])).risk.atRiskScore).toBe(changed);
      if (elsewhere !== db) expect((await getSettings(elsewhere, ["risk"])).risk.atRiskScore).toBe(before.atRiskScore);
    });
    expect((await getSettings(db, ["risk"])).risk.atRiskScore).toBe(changed);
  });

  it("hands out a value no caller can change for the others", async () => {
    const choices = await listPlaybookChoices(db);
    expect(Object.isFrozen(choices)).toBe(true);
    expect(() => (choices as { name: string }[]).push({ name: "mine" })).toThrow();
  });

  it("sees a truncated table as empty (1 playbook, then 0)", async () => {
    await db.insert(playbooks).values({ name: "Welcome", trigger: "risk_at_risk", taskTitle: "Call them" });
    expect((await listPlaybookChoices(db)).map((p) => p.name)).toContain("Welcome");
    await elsewhere.execute(sql`truncate playbooks cascade`);
    expect(await listPlaybookChoices(db)).toEqual([]);
  });

  it("ends a shadow when its time is up, with nothing written in between", async () => {
    const live = await getLiveVersion(db);
    await insertVersion(db, {
      config: configOf(live),
      summary: "Shadow for a second",
      createdById: null,
      shadowUntil: new Date(Date.now() + 1_500),
    });
    expect((await getShadowVersion(db))?.summary).toBe("Shadow for a second");
    const seen = await generation();
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await getShadowVersion(db)).toBeNull();
    expect(await generation()).toBe(seen);
  });
});
