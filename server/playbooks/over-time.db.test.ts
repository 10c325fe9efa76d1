import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, queryRows } from "@/db";
import { DAY_MS } from "@/lib/dates";
import type { SessionMember } from "@/lib/permissions";
import { executeAction } from "@/server/actions/execute";
import { seedDemo } from "@/server/demo/seed";
import { getSettings } from "@/server/settings/queries";
import { asSessionMember, createCustomer, createMember } from "@/testing/factories";
import { savePlaybook } from "./commands";
import { firePlaybooksOverTime } from "./evaluate";

type Playbook = { id: number; trigger: string; triggerDays: number | null };

let admin: SessionMember;
let playbooks: Playbook[];

async function addPlaybook(fields: Record<string, string>) {
  const result = await executeAction(savePlaybook, admin, {
    name: `Over time: ${fields.trigger} ${fields.triggerDays ?? ""}`,
    active: "on",
    taskTitle: "Look after {{customer}}",
    dueInDays: "2",
    priority: "normal",
    ...fields,
  });
  if (!result.ok) throw new Error(result.message);
}

/**
 * Who each state playbook's condition holds for now, worked out here from the raw rows and the
 * product's rules (silence since the last inbound contact or the purchase; time in the default
 * model's stage since the latest move into it from outside, or since sign-up), not by the app's SQL.
 */
async function expectedMatches(): Promise<Map<number, Set<number>>> {
  const [{ now }] = await queryRows<{ now: string }>(db, sql`select now()::text as now`);
  const at = new Date(now).getTime();
  const { risk } = await getSettings(db, ["risk"]);
  const customers = await queryRows<{
    id: number;
    status: string;
    milestone: number;
    riskScore: number;
    convertedAt: string | null;
    lastInboundAt: string | null;
    signedUpAt: string;
  }>(
    db,
    sql`select id, status, milestone, risk_score as "riskScore", converted_at::text as "convertedAt",
      last_inbound_at::text as "lastInboundAt", signed_up_at::text as "signedUpAt" from customers`,
  );
  const changes = await queryRows<{ customerId: number; from: number | null; to: number; at: string }>(
    db,
    sql`select customer_id as "customerId", from_milestone as from, to_milestone as to, at::text as at from milestone_changes`,
  );
  const stages = await queryRows<{ from: number; to: number; targetDays: number | null }>(
    db,
    sql`select s.from_milestone as from, s.to_milestone as to, s.target_days as "targetDays"
      from journey_stages s join journey_models m on m.id = s.model_id where m.is_default`,
  );
  const time = (text: string) => new Date(text).getTime();
  const inStage = (milestone: number, stage: { from: number; to: number }) =>
    milestone >= stage.from && milestone <= stage.to;
  const expected = new Map<number, Set<number>>();
  for (const playbook of playbooks) {
    const holds = customers.filter((c) => {
      if (c.status !== "active") return false;
      if (playbook.trigger === "risk_at_risk") return c.riskScore >= risk.atRiskScore;
      if (playbook.trigger === "silence") {
        if (c.convertedAt === null) return false;
        return time(c.lastInboundAt ?? c.convertedAt) < at - (playbook.triggerDays ?? 30) * DAY_MS;
      }
      const stage = stages.find((s) => inStage(c.milestone, s));
      if (!stage || stage.targetDays === null) return false;
      const entries = changes
        .filter((m) => m.customerId === c.id && inStage(m.to, stage) && m.from !== null && !inStage(m.from, stage))
        .map((m) => time(m.at));
      const entered = entries.length > 0 ? Math.max(...entries) : time(c.signedUpAt);
      return at - entered > stage.targetDays * DAY_MS;
    });
    expected.set(playbook.id, new Set(holds.map((c) => c.id)));
  }
  return expected;
}

async function storedMatches(): Promise<Map<number, Set<number>>> {
  const rows = await queryRows<{ playbookId: number; customerId: number }>(
    db,
    sql`select playbook_id as "playbookId", customer_id as "customerId" from playbook_matches`,
  );
  return new Map(
    playbooks.map((p) => [p.id, new Set(rows.filter((r) => r.playbookId === p.id).map((r) => r.customerId))]),
  );
}

function playbookOf(trigger: string, triggerDays: number | null = null): Playbook {
  const found = playbooks.find((p) => p.trigger === trigger && p.triggerDays === triggerDays);
  if (!found) throw new Error(`No ${trigger} playbook`);
  return found;
}

const openTaskHolders = async (playbookId: number) =>
  new Set(
    (
      await queryRows<{ id: number }>(
        db,
        sql`select customer_id as id from tasks where playbook_id = ${playbookId} and status = 'open'`,
      )
    ).map((row) => row.id),
  );

/**
 * Lets `days` pass for the state conditions: every time they read moves that far into the past,
 * as does each playbook's last pass. Time writes nothing, so nobody is left noted as changed.
 */
async function letDaysPass(days: number) {
  const back = sql`make_interval(days => ${days})`;
  await db.execute(sql`update customers set last_inbound_at = last_inbound_at - ${back},
    converted_at = converted_at - ${back}, signed_up_at = signed_up_at - ${back}, milestone_at = milestone_at - ${back}`);
  await db.execute(sql`update milestone_changes set at = at - ${back}`);
  await db.execute(sql`update playbooks set state_checked_at = state_checked_at - ${back}`);
  await db.execute(sql`delete from playbook_candidates`);
}

beforeAll(async () => {
  await seedDemo({ customers: 300, seed: 21, now: new Date(new Date().toISOString().slice(0, 10)) });
  admin = asSessionMember(await createMember({ role: "admin" }));
  await addPlaybook({ trigger: "stage_overdue" });
  await addPlaybook({ trigger: "silence", triggerDays: "10" });
  playbooks = await queryRows<Playbook>(
    db,
    sql`select id, trigger, trigger_days as "triggerDays" from playbooks
      where active and trigger in ('risk_at_risk', 'silence', 'stage_overdue') order by id`,
  );
});

describe("the periodic playbook pass looks only at what changed, and lands where a pass over everyone would", () => {
  it("over 1, 3, 7 and 20 days passing, each playbook's matches equal its condition recomputed from raw rows, and everyone who entered holds an open task", async () => {
    expect(playbooks.map((p) => p.trigger).sort()).toEqual(["risk_at_risk", "silence", "silence", "stage_overdue"]);
    await firePlaybooksOverTime(db);
    expect(await storedMatches()).toEqual(await expectedMatches());
    const entered = new Map(playbooks.map((p) => [p.id, 0]));
    for (const days of [1, 3, 7, 20]) {
      const before = await storedMatches();
      await letDaysPass(days);
      await firePlaybooksOverTime(db);
      const after = await storedMatches();
      expect(after, `after ${days} more days`).toEqual(await expectedMatches());
      for (const playbook of playbooks) {
        const holders = await openTaskHolders(playbook.id);
        for (const id of after.get(playbook.id) ?? []) {
          if (before.get(playbook.id)?.has(id)) continue;
          entered.set(playbook.id, (entered.get(playbook.id) ?? 0) + 1);
          expect(holders.has(id), `customer ${id} entered playbook ${playbook.id}`).toBe(true);
        }
      }
    }
    // Time alone moved people into silence and past stage targets, so the pass had something to find.
    for (const playbook of playbooks.filter((p) => p.trigger !== "risk_at_risk"))
      expect(entered.get(playbook.id), `${playbook.trigger} ${playbook.triggerDays}`).toBeGreaterThan(0);
  });

  it("a customer no write touched and no target crossed is not looked at again; editing the playbook makes the next pass look at everyone", async () => {
    const silence = playbookOf("silence", 45);
    const [deep] = [...((await storedMatches()).get(silence.id) ?? [])];
    await db.execute(sql`delete from playbook_matches where playbook_id = ${silence.id} and customer_id = ${deep}`);
    await firePlaybooksOverTime(db);
    expect((await storedMatches()).get(silence.id)?.has(deep)).toBe(false);

    await db.execute(sql`update playbooks set updated_at = now() where id = ${silence.id}`);
    await firePlaybooksOverTime(db);
    expect((await storedMatches()).get(silence.id)?.has(deep)).toBe(true);
  });

  it("any write to a column a condition reads notes the customer: churned leaves every match, reactivated enters again; a customer created 100 days into Adoption is overdue at once", async () => {
    const silence = playbookOf("silence", 10);
    const [quiet] = [...((await storedMatches()).get(silence.id) ?? [])];
    await db.execute(sql`update customers set status = 'churned', churned_at = now() where id = ${quiet}`);
    await firePlaybooksOverTime(db);
    const left = await storedMatches();
    for (const playbook of playbooks) expect(left.get(playbook.id)?.has(quiet)).toBe(false);

    await db.execute(sql`update customers set status = 'active', churned_at = null where id = ${quiet}`);
    await firePlaybooksOverTime(db);
    expect((await storedMatches()).get(silence.id)?.has(quiet)).toBe(true);

    const stage = playbookOf("stage_overdue");
    const stuck = await createCustomer({ milestone: 8, signedUpAt: new Date(Date.now() - 100 * DAY_MS) });
    await firePlaybooksOverTime(db);
    expect((await storedMatches()).get(stage.id)?.has(stuck.id)).toBe(true);
    expect((await openTaskHolders(stage.id)).has(stuck.id)).toBe(true);
    expect(await storedMatches()).toEqual(await expectedMatches());
  });
});
