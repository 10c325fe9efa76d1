import "server-only";
import { and, eq, gt, lt, ne, type SQL, sql } from "drizzle-orm";
import { type JourneyFilters, journeyFiltersKey } from "@/lib/journey/filters";
import { db as primary, type Queryable, queryRows } from "@/db";
import { customers, journeyRollups } from "@/db/schema";
import type { JourneyModelWithStages } from "./models";
import { getSettings } from "@/server/settings/queries";
import { decayNowSql } from "@/db/ledger-sql";
import { arrayLiteral } from "@/db/array-literal";
import { DAY_MS } from "@/lib/dates";
import { journeyTallyFilter, TALLIES, talliesMatching } from "@/server/customers/tallies";

export const WEEKS = 52;
const WEEK_MS = 7 * DAY_MS;
const ROLLUP_MAX_AGE_MS = 15 * 60 * 1000;

function customerConditions(filters: JourneyFilters, alias = "c"): SQL {
  const c = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (filters.status !== "all") parts.push(sql`${c}.status = ${filters.status}`);
  if (filters.ownerId) parts.push(sql`${c}.owner_id = ${filters.ownerId}`);
  if (filters.plan) parts.push(sql`${c}.plan = ${filters.plan}`);
  if (filters.cohort) parts.push(sql`to_char(${c}.signed_up_at at time zone 'UTC', 'YYYY-MM') = ${filters.cohort}`);
  return sql.join(parts, sql` and `);
}

export type StageSnapshot = { stageId: number; now: number; reached: number; credit: number; debt: number };

export type JourneyView = { model: JourneyModelWithStages; filters: JourneyFilters };

/**
 * Counts now in each stage and ever reached it, plus the stage's credit and debt today: the
 * maintained tallies (server/customers/tallies.ts) grouped by (milestone, peak milestone), folded
 * into stages here.
 */
export async function getStageSnapshot(db: Queryable, { model, filters }: JourneyView) {
  const { ledger } = await getSettings(db, ["ledger"]);
  const rows = await queryRows<{ milestone: number; peak: number; customers: number; credit: number; debt: number }>(
    db,
    sql`select milestone::int as milestone, peak_milestone::int as peak, sum(customers)::int as customers,
          coalesce(sum(credit_acc), 0)::float8 * ${decayNowSql(ledger.creditHalfLifeDays)} as credit,
          coalesce(sum(debt_acc), 0)::float8 * ${decayNowSql(ledger.debtHalfLifeDays)} as debt
        from ${TALLIES} where ${talliesMatching(journeyTallyFilter(filters))} group by 1, 2 having sum(customers) > 0`,
  );
  const stages: StageSnapshot[] = model.stages.map((stage) => {
    const inStage = rows.filter((r) => r.milestone >= stage.fromMilestone && r.milestone <= stage.toMilestone);
    return {
      stageId: stage.id,
      now: inStage.reduce((sum, r) => sum + r.customers, 0),
      reached: rows
        .filter((r) => Math.max(r.peak, r.milestone) >= stage.fromMilestone)
        .reduce((sum, r) => sum + r.customers, 0),
      credit: inStage.reduce((sum, r) => sum + Number(r.credit), 0),
      debt: inStage.reduce((sum, r) => sum + Number(r.debt), 0),
    };
  });
  return { stages, total: rows.reduce((sum, r) => sum + r.customers, 0) };
}

export type StageHistory = {
  stageId: number;
  medianDays: number | null;
  regressions: number;
  onTrack: number;
  behind: number;
  stuck: number;
};
export type HistoryStats = {
  computedAt: string;
  /**
   * When time alone next changes these figures: an open visit passing its stage's target or twice
   * it, or a new week. Optional: rollups stored before it existed have none.
   */
  changesAt?: string;
  weekStarts: string[];
  stages: StageHistory[];
  weekly: Record<number, number[]>;
};

/**
 * What needs the milestone history: visits to each stage (runs of changes inside its range),
 * their median length, moves back out of the stage, how long the current visit has lasted against
 * the stage's target, and the stage sizes at the end of each of the last 52 weeks.
 */
export async function computeHistoryStats(db: Queryable, { model, filters }: JourneyView): Promise<HistoryStats> {
  const [{ start }] = await queryRows<{ start: string }>(
    db,
    sql`select (date_trunc('week', now()) - interval '${sql.raw(String(WEEKS - 1))} weeks')::text as start`,
  );
  const { stages } = model;
  // The 52 weeks' starts and the next one's: a change's week is then a search in them, exact to the microsecond.
  const weekStarts = Array.from({ length: WEEKS + 1 }, (_, k) => new Date(new Date(start).getTime() + k * WEEK_MS));
  const milestones = stages.flatMap((stage) =>
    Array.from({ length: stage.toMilestone - stage.fromMilestone + 1 }, (_, k) => ({
      milestone: stage.fromMilestone + k,
      id: stage.id,
      position: stage.position,
    })),
  );
  const visits = sql`
    st as (
      select * from unnest(${arrayLiteral(stages.map((x) => x.id))}::int[], ${arrayLiteral(stages.map((x) => x.position))}::int[],
        ${arrayLiteral(stages.map((x) => x.fromMilestone))}::int[], ${arrayLiteral(stages.map((x) => x.toMilestone))}::int[],
        ${arrayLiteral(stages.map((x) => x.targetDays))}::int[]) as st(id, position, from_milestone, to_milestone, target_days)),
    -- Each milestone's stage, to join the changes by equality: a range join tried every stage on every change.
    stage_of as (
      select * from unnest(${arrayLiteral(milestones.map((x) => x.milestone))}::int[], ${arrayLiteral(milestones.map((x) => x.id))}::int[],
        ${arrayLiteral(milestones.map((x) => x.position))}::int[]) as s(milestone, stage_id, position)),
    ch as (
      select mc.customer_id, mc.at, mc.id, s.stage_id, s.position
      from milestone_changes mc
      join customers c on c.id = mc.customer_id and ${customerConditions(filters)}
      join stage_of s on s.milestone = mc.to_milestone),
    marked as (select ch.*, lag(stage_id) over (partition by customer_id order by at, id) as prev_stage from ch),
    visits as (
      select customer_id, stage_id, position, at as entered_at,
        lead(at) over (partition by customer_id order by at, id) as left_at,
        lead(position) over (partition by customer_id order by at, id) as next_position
      from marked where prev_stage is distinct from stage_id)`;
  // One statement: the visits are the expensive part (every milestone change, sorted per
  // customer), so both the stage figures and the weekly sizes are read from one pass over them.
  const stageRows = await queryRows<
    StageHistory & { nextCrossing: string | null; weekDeltas: [number, number][] | null }
  >(
    db,
    sql`with ${visits},
      events as (
        select stage_id, entered_at as at, 1 as delta from visits
        union all select stage_id, left_at, -1 from visits where left_at is not null),
      -- Materialized: read once per stage below, it would otherwise be worked out again for each.
      weekly as materialized (
        select stage_id, json_agg(json_build_array(week, delta)) as deltas
        from (
          select stage_id, greatest(0, width_bucket(at, ${arrayLiteral(weekStarts.map((d) => d.toISOString()))}::timestamptz[]) - 1) as week, sum(delta)::int as delta
          from events group by 1, 2) w
        group by stage_id)
      select st.id as "stageId",
        (percentile_cont(0.5) within group (order by extract(epoch from (v.left_at - v.entered_at)) / 86400.0) filter (where v.left_at is not null))::float8 as "medianDays",
        (count(*) filter (where v.next_position < v.position))::int as regressions,
        (count(*) filter (where v.left_at is null and now() - v.entered_at <= make_interval(days => st.target_days)))::int as "onTrack",
        (count(*) filter (where v.left_at is null and now() - v.entered_at > make_interval(days => st.target_days)
           and now() - v.entered_at <= make_interval(days => 2 * st.target_days)))::int as behind,
        (count(*) filter (where v.left_at is null and now() - v.entered_at > make_interval(days => 2 * st.target_days)))::int as stuck,
        min(case when v.left_at is null then case
          when v.entered_at + make_interval(days => st.target_days) > now() then v.entered_at + make_interval(days => st.target_days)
          when v.entered_at + make_interval(days => 2 * st.target_days) > now() then v.entered_at + make_interval(days => 2 * st.target_days)
          end end)::text as "nextCrossing",
        (select w.deltas from weekly w where w.stage_id = st.id) as "weekDeltas"
      from st left join visits v on v.stage_id = st.id group by st.id`,
  );
  const weekly: Record<number, number[]> = {};
  for (const stage of model.stages) {
    const deltas = new Array<number>(WEEKS).fill(0);
    const row = stageRows.find((r) => r.stageId === stage.id);
    for (const [week, delta] of row?.weekDeltas ?? []) if (week < WEEKS) deltas[week] += delta;
    let running = 0;
    weekly[stage.id] = deltas.map((delta) => (running += delta));
  }
  const crossings = stageRows.flatMap((row) => (row.nextCrossing ? [new Date(row.nextCrossing).getTime()] : []));
  return {
    computedAt: new Date().toISOString(),
    changesAt: new Date(Math.min(weekStarts[WEEKS].getTime(), ...crossings)).toISOString(),
    weekStarts: weekStarts.slice(0, WEEKS).map((day) => day.toISOString().slice(0, 10)),
    stages: model.stages.map((stage) => {
      const row = stageRows.find((r) => r.stageId === stage.id);
      return {
        stageId: stage.id,
        medianDays: row?.medianDays === null || row?.medianDays === undefined ? null : Number(row.medianDays),
        regressions: row?.regressions ?? 0,
        onTrack: row?.onTrack ?? 0,
        behind: row?.behind ?? 0,
        stuck: row?.stuck ?? 0,
      };
    }),
    weekly,
  };
}

/**
 * History stats for the book or a filtered part of it, kept for 15 minutes (the page says "as of").
 * The book's are refreshed periodically; a filter's are computed on its first view, which at
 * 100,000 customers takes up to a second for a large part of the book (a plan, a big owner).
 */
export async function getHistoryStats(db: Queryable, { model, filters }: JourneyView): Promise<HistoryStats> {
  const filtersKey = journeyFiltersKey(filters);
  const [rollup] = await db
    .select()
    .from(journeyRollups)
    .where(
      and(
        eq(journeyRollups.modelId, model.id),
        eq(journeyRollups.filtersKey, filtersKey),
        gt(journeyRollups.computedAt, new Date(Date.now() - ROLLUP_MAX_AGE_MS)),
      ),
    );
  if (rollup) return rollup.stats as HistoryStats;
  const stats = await computeHistoryStats(db, { model, filters });
  // Kept on the primary even when this page reads a replica.
  await saveRollup(primary, { modelId: model.id, stats, filtersKey });
  return stats;
}

export async function saveRollup(
  db: Queryable,
  {
    modelId,
    stats,
    filtersKey = "",
    basis = "",
  }: { modelId: number; stats: HistoryStats; filtersKey?: string; basis?: string },
) {
  const computedAt = new Date(stats.computedAt);
  await db
    .insert(journeyRollups)
    .values({ modelId, filtersKey, stats, computedAt, basis })
    .onConflictDoUpdate({
      target: [journeyRollups.modelId, journeyRollups.filtersKey],
      set: { stats, computedAt, basis },
    });
  // A filter's stats are kept only while they may be served: the table holds the views of the last 15 minutes.
  if (filtersKey) {
    await db
      .delete(journeyRollups)
      .where(
        and(ne(journeyRollups.filtersKey, ""), lt(journeyRollups.computedAt, new Date(Date.now() - ROLLUP_MAX_AGE_MS))),
      );
  }
}

/** Customers now in one stage, with how long they have been in it: one page at a time. */
export type StageCustomersQuery = {
  stage: { fromMilestone: number; toMilestone: number; targetDays: number };
  filters: JourneyFilters;
  page: number;
  pageSize?: number;
};

export async function getStageCustomers(db: Queryable, { stage, filters, page, pageSize = 25 }: StageCustomersQuery) {
  const rows = await queryRows<{
    id: number;
    name: string;
    company: string | null;
    mrrCents: number;
    milestone: number;
    ownerName: string | null;
    daysInStage: number | null;
  }>(
    db,
    sql`select c.id, c.name, c.company, c.mrr_cents as "mrrCents", c.milestone, m.name as "ownerName",
          (select floor(extract(epoch from (now() - min(mc.at))) / 86400)::int from milestone_changes mc
            where mc.customer_id = c.id and mc.to_milestone between ${stage.fromMilestone} and ${stage.toMilestone}
              and mc.at > coalesce((select max(o.at) from milestone_changes o where o.customer_id = c.id
                and o.to_milestone not between ${stage.fromMilestone} and ${stage.toMilestone}), '-infinity')) as "daysInStage"
        from customers c left join members m on m.id = c.owner_id
        where ${customerConditions(filters)} and c.milestone between ${stage.fromMilestone} and ${stage.toMilestone}
        order by c.milestone_at asc, c.id
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(customers)
    .where(
      sql`${customerConditions(filters, "customers")} and ${customers.milestone} between ${stage.fromMilestone} and ${stage.toMilestone}`,
    );
  return { rows, total };
}
