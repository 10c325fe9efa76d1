import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction } from "@/server/actions/execute";
import { balanceFromInteractions } from "@/lib/ledger";
import { type JourneyFilters, journeyFiltersKey } from "@/lib/journey/filters";
import { DEFAULT_SETTINGS } from "@/lib/settings";
import { db, queryRows } from "@/db";
import { setMilestone } from "./commands";
import { moveMilestone } from "./milestones";
import { seedDemo } from "@/server/demo/seed";
import { asSessionMember, createMember } from "@/testing/factories";
import { getJourneyModels } from "./models";
import { computeHistoryStats, getHistoryStats, getStageSnapshot, WEEKS } from "./stats";
import { DAY_MS as DAY } from "@/lib/dates";

type Customer = {
  id: number;
  milestone: number;
  status: string;
  owner_id: number | null;
  plan: string;
  cohort: string;
};
type Change = { customer_id: number; to_milestone: number; at: Date };
let customers: Customer[];
let changes: Change[];
let interactions: { customer_id: number; weight: number; at: Date }[];
let ownerId: number;

function matches(c: Customer, f: JourneyFilters): boolean {
  return (
    (f.status === "all" || c.status === f.status) &&
    (!f.ownerId || c.owner_id === f.ownerId) &&
    (!f.plan || c.plan === f.plan) &&
    (!f.cohort || c.cohort === f.cohort)
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
}

beforeAll(async () => {
  await seedDemo({ customers: 220, seed: 5, now: new Date(new Date().toISOString().slice(0, 10)) });
  // Some regressions: customers moved back by hand, two of them forward again.
  const manager = asSessionMember(await createMember({ role: "manager" }));
  const movable = await queryRows<{ id: number }>(
    db,
    sql`select id from customers where milestone >= 9 and status = 'active' order by id limit 5`,
  );
  for (const [index, { id }] of movable.entries()) {
    expect(
      await executeAction(setMilestone, manager, {
        customerId: String(id),
        milestone: "7",
        reason: "Contract reopened",
      }),
    ).toMatchObject({ ok: true });
    if (index < 2)
      await executeAction(setMilestone, manager, { customerId: String(id), milestone: "9", reason: "Back on track" });
  }
  // Moves on the weekly series' bounds: one exactly as a week begins (it counts from that week),
  // one a millisecond before a week begins (it counts in the week before).
  const [{ start }] = await queryRows<{ start: string }>(
    db,
    sql`select (date_trunc('week', now()) - make_interval(weeks => ${WEEKS - 1}))::text as start`,
  );
  const weekStart = (k: number) => new Date(new Date(start).getTime() + k * 7 * DAY);
  const [quiet] = await queryRows<{ id: number; milestone: number }>(
    db,
    sql`select c.id, c.milestone::int as milestone from customers c where c.status = 'active'
      and not exists (select 1 from milestone_changes mc where mc.customer_id = c.id and mc.at >= ${weekStart(10).toISOString()}::timestamptz)
      order by c.id limit 1`,
  );
  await moveMilestone(db, {
    customerId: quiet.id,
    from: quiet.milestone,
    to: 2,
    at: weekStart(10),
    actorId: null,
    reason: "On a week's bound",
    source: "system",
  });
  await moveMilestone(db, {
    customerId: quiet.id,
    from: 2,
    to: 12,
    at: new Date(weekStart(20).getTime() - 1),
    actorId: null,
    reason: "A millisecond before one",
    source: "system",
  });
  customers = await queryRows<Customer>(
    db,
    sql`select id, milestone::int as milestone, status::text as status, owner_id, plan, to_char(signed_up_at at time zone 'UTC', 'YYYY-MM') as cohort from customers`,
  );
  changes = (
    await queryRows<{ customer_id: number; to_milestone: number; at: string }>(
      db,
      sql`select customer_id, to_milestone::int as to_milestone, at::text as at from milestone_changes order by customer_id, at, id`,
    )
  ).map((c) => ({ ...c, at: new Date(c.at) }));
  interactions = (
    await queryRows<{ customer_id: number; weight: number; at: string }>(
      db,
      sql`select i.customer_id, coalesce(i.weight_override, t.default_weight)::float8 as weight, i.occurred_at::text as at from interactions i join interaction_types t on t.id = i.type_id`,
    )
  ).map((i) => ({ ...i, weight: Number(i.weight), at: new Date(i.at) }));
  ownerId = customers.find((c) => c.owner_id !== null)?.owner_id ?? 0;
});

describe("journey numbers equal an independent computation over the raw tables", () => {
  const filterSets = (): [string, JourneyFilters][] => [
    ["the active book", { status: "active" }],
    ["all customers", { status: "all" }],
    ["churned customers", { status: "churned" }],
    ["one owner", { status: "active", ownerId }],
    ["the growth plan", { status: "all", plan: "growth" }],
    ["one sign-up month", { status: "all", cohort: customers.find((c) => c.milestone >= 7)?.cohort }],
  ];

  it("for every model and filter: now, reached, credit, debt, median days, regressions, on track/behind/stuck, the weekly series, and when time alone next changes them", async () => {
    const models = await getJourneyModels(db);
    const now = new Date();
    const { ledger } = DEFAULT_SETTINGS;
    let compared = 0;
    let regressionsSeen = 0;
    for (const [label, filters] of filterSets()) {
      const selected = customers.filter((c) => matches(c, filters));
      for (const model of models) {
        const stageOf = (milestone: number) =>
          model.stages.find((s) => milestone >= s.fromMilestone && milestone <= s.toMilestone);
        const [snapshot, history] = await Promise.all([
          getStageSnapshot(db, { model, filters }),
          computeHistoryStats(db, { model, filters }),
        ]);
        expect(snapshot.total, label).toBe(selected.length);
        const start = new Date(history.weekStarts[0]).getTime();
        // When time alone next changes the figures: an open visit passing its target or twice it, or a new week.
        const crossings = [start + WEEKS * 7 * DAY];
        for (const [index, stage] of model.stages.entries()) {
          const inStage = selected.filter((c) => stageOf(c.milestone)?.id === stage.id);
          const peak = (c: Customer) =>
            Math.max(c.milestone, ...changes.filter((ch) => ch.customer_id === c.id).map((ch) => ch.to_milestone));
          const balances = inStage.map((c) => interactions.filter((i) => i.customer_id === c.id));
          const credit = balances.reduce(
            (sum, list) =>
              sum +
              balanceFromInteractions(
                list.filter((i) => i.weight > 0),
                now,
                ledger,
              ),
            0,
          );
          const debt = balances.reduce(
            (sum, list) =>
              sum +
              balanceFromInteractions(
                list.filter((i) => i.weight < 0),
                now,
                ledger,
              ),
            0,
          );
          expect(snapshot.stages[index], `${label} · ${model.key} · ${stage.name}`).toMatchObject({
            now: inStage.length,
            reached: selected.filter((c) => peak(c) >= stage.fromMilestone).length,
          });
          expect(snapshot.stages[index].credit).toBeCloseTo(credit, 3);
          expect(snapshot.stages[index].debt).toBeCloseTo(debt, 3);

          // Visits: runs of consecutive changes whose milestone lies in the stage.
          const durations: number[] = [];
          let regressions = 0;
          const flags = { onTrack: 0, behind: 0, stuck: 0 };
          for (const c of selected) {
            const own = changes
              .filter((ch) => ch.customer_id === c.id)
              .map((ch) => ({ ...ch, stage: stageOf(ch.to_milestone) }));
            own.forEach((ch, i) => {
              if (ch.stage?.id !== stage.id || own[i - 1]?.stage?.id === stage.id) return;
              const exit = own.slice(i + 1).find((next) => next.stage?.id !== stage.id);
              if (exit) {
                durations.push((exit.at.getTime() - ch.at.getTime()) / DAY);
                if ((exit.stage?.position ?? 0) < stage.position) regressions++;
              } else {
                const days = (now.getTime() - ch.at.getTime()) / DAY;
                const next = [1, 2]
                  .map((k) => ch.at.getTime() + k * stage.targetDays * DAY)
                  .find((t) => t > now.getTime());
                if (next !== undefined) crossings.push(next);
                if (days <= stage.targetDays) flags.onTrack++;
                else if (days <= 2 * stage.targetDays) flags.behind++;
                else flags.stuck++;
              }
            });
          }
          const stats = history.stages[index];
          expect(stats.regressions, `${label} · ${model.key} · ${stage.name} regressions`).toBe(regressions);
          regressionsSeen += regressions;
          expect({ onTrack: stats.onTrack, behind: stats.behind, stuck: stats.stuck }).toEqual(flags);
          const expectedMedian = median(durations);
          if (expectedMedian === null) expect(stats.medianDays).toBeNull();
          else expect(stats.medianDays).toBeCloseTo(expectedMedian, 4);

          const weekly = Array.from({ length: WEEKS }, (_, k) => {
            const end = start + (k + 1) * 7 * DAY;
            return selected.filter((c) => {
              const last = changes.filter((ch) => ch.customer_id === c.id && ch.at.getTime() < end).at(-1);
              return last !== undefined && stageOf(last.to_milestone)?.id === stage.id;
            }).length;
          });
          expect(history.weekly[stage.id], `${label} · ${model.key} · ${stage.name} weekly`).toEqual(weekly);
          compared++;
        }
        // Within a second: the test's clock and the database's are read a moment apart.
        expect(
          Math.abs(new Date(history.changesAt ?? 0).getTime() - Math.min(...crossings)),
          `${label} · ${model.key} changesAt`,
        ).toBeLessThan(1_000);
      }
    }
    expect(compared).toBe(6 * (10 + 8 + 5));
    expect(regressionsSeen).toBeGreaterThan(0);
    expect(customers.filter((c) => c.status === "churned").length).toBeGreaterThan(0);
  });
});

describe("history stats are kept for 15 minutes per view", () => {
  it("a filtered view is computed on its first view and served as of then; another filter gets its own; 16 minutes later it is computed again and stale filtered views are dropped", async () => {
    const [model] = await getJourneyModels(db);
    const mine: JourneyFilters = { status: "active", ownerId };
    const growth: JourneyFilters = { status: "all", plan: "growth" };
    const keys = async () =>
      (
        await queryRows<{ filters_key: string }>(
          db,
          sql`select filters_key from journey_rollups where model_id = ${model.id} and filters_key <> '' order by filters_key`,
        )
      ).map((r) => r.filters_key);

    const first = await getHistoryStats(db, { model, filters: mine });
    const again = await getHistoryStats(db, { model, filters: mine });
    expect(again.computedAt).toBe(first.computedAt);
    const live = await computeHistoryStats(db, { model, filters: mine });
    expect({ ...again, computedAt: live.computedAt }).toEqual(live);
    await getHistoryStats(db, { model, filters: growth });
    expect(await keys()).toEqual([journeyFiltersKey(mine), journeyFiltersKey(growth)].sort());

    await db.execute(
      sql`update journey_rollups set computed_at = computed_at - interval '16 minutes' where model_id = ${model.id} and filters_key <> ''`,
    );
    const later = await getHistoryStats(db, { model, filters: mine });
    expect(later.computedAt).not.toBe(first.computedAt);
    expect(await keys()).toEqual([journeyFiltersKey(mine)]);
  });
});
