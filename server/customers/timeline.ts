import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { weightSql } from "@/db/ledger-sql";

export const TIMELINE_KINDS = [
  "all",
  "interactions",
  "credits",
  "debits",
  "milestones",
  "delight",
  "community",
  "tasks",
  "account",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export type TimelineEntry = {
  key: string;
  kind: "interaction" | "delight" | "community" | "milestone" | "task" | "role" | "account";
  id: number;
  at: string;
  /**
   * What happened, as parts the page words in the reader's language: an interaction's type name as
   * stored; a task's or advocate role's own name; empty where `event` says it all.
   */
  title: string;
  /** delight; a community activity's kind; done | dismissed (task); invited | active | retired (role); the audit action (account). */
  event: string | null;
  /** The note; for an owner change the new owner's name, null for none. */
  detail: string | null;
  weight: number | null;
  channel: string | null;
  direction: string | null;
  actorId: number | null;
  actorName: string | null;
  createdAt: string;
  typeKey: string | null;
  fromMilestone: number | null;
  toMilestone: number | null;
  /** Logged in the last 24 hours: its author may still edit or delete it. */
  recent: boolean;
  /** For a debit a delight moment answered: the gesture, who (null: no longer a member) and when. */
  answer: { gesture: string; by: string | null; at: string } | null;
};

type Row = Omit<TimelineEntry, "key" | "id" | "weight" | "fromMilestone" | "toMilestone" | "recent" | "answer"> & {
  answer_gesture: string | null;
  answer_by: string | null;
  answer_at: string | null;
  recent: boolean;
  id: string;
  rank: number;
  at_text: string;
  weight: number | null;
  from_milestone: number | null;
  to_milestone: number | null;
  actor_id: number | null;
  actor_name: string | null;
  created_at: string;
  type_key: string | null;
};

type Cursor = { at: string; rank: number; id: number };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at}|${cursor.rank}|${cursor.id}`).toString("base64url");
}

export function decodeCursor(text: string | undefined): Cursor | null {
  if (!text) return null;
  const [at, rank, id] = Buffer.from(text, "base64url").toString("utf8").split("|");
  const cursor = { at, rank: Number(rank), id: Number(id) };
  const valid = !Number.isNaN(Date.parse(at)) && Number.isInteger(cursor.rank) && Number.isSafeInteger(cursor.id);
  return valid ? cursor : null;
}

const AT_TEXT = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows before the cursor in (time, rank, id) order; the time bound lets each branch use its index. */
function before(cursor: Cursor | null, at: SQL, rank: number, id: SQL): SQL {
  if (!cursor) return sql`true`;
  return sql`${at} <= ${cursor.at}::timestamptz and (${at}, ${rank}, ${id}) < (${cursor.at}::timestamptz, ${cursor.rank}, ${cursor.id})`;
}

/**
 * One customer's timeline, newest first: interactions (with delight moments and community
 * activity they carry), milestone changes, tasks done or dismissed, role changes and account events. Keyset-paged: every
 * branch reads at most one page through its index, so 50,000 interactions cost what ten do.
 */
export type TimelineQuery = { customerId: number; kind: TimelineKind; cursor?: string; limit?: number };

export async function getTimeline(db: Queryable, { customerId, kind, cursor, limit = 50 }: TimelineQuery) {
  const after = decodeCursor(cursor);
  const take = limit + 1;
  const branches: SQL[] = [];
  const wants = (...kinds: TimelineKind[]) => kind === "all" || kinds.includes(kind);

  if (wants("interactions", "credits", "debits", "delight", "community")) {
    const weight = weightSql();
    const filter =
      kind === "credits"
        ? sql`${weight} > 0`
        : kind === "debits"
          ? sql`${weight} < 0`
          : kind === "delight"
            ? sql`d.id is not null`
            : kind === "community"
              ? sql`ca.id is not null`
              : sql`true`;
    branches.push(sql`(select case when d.id is not null then 'delight' when ca.id is not null then 'community' else 'interaction' end as kind,
        i.id::text as id, 3 as rank, i.occurred_at as at, ${AT_TEXT(sql`i.occurred_at`)} as at_text,
        case when d.id is not null or ca.id is not null then '' else t.label end as title,
        case when d.id is not null then 'delight' else ca.kind::text end as event,
        case when d.id is not null then d.gesture || coalesce(nullif(' → ' || d.outcome, ' → '), '') else nullif(i.summary, '') end as detail,
        ${weight} as weight, i.channel::text as channel, i.direction::text as direction, i.actor_id, m.name as actor_name,
        ${AT_TEXT(sql`i.created_at`)} as created_at, t.key as type_key, null::int as from_milestone, null::int as to_milestone,
        i.created_at > now() - interval '24 hours' as recent,
        ans.gesture as answer_gesture, am.name as answer_by, ${AT_TEXT(sql`ans.occurred_at`)} as answer_at
      from interactions i
      join interaction_types t on t.id = i.type_id
      left join members m on m.id = i.actor_id
      left join delight_moments d on d.interaction_id = i.id
      left join delight_moments ans on ans.prompt_interaction_id = i.id
      left join members am on am.id = ans.actor_id
      left join community_activities ca on ca.interaction_id = i.id
      where i.customer_id = ${customerId} and ${filter} and ${before(after, sql`i.occurred_at`, 3, sql`i.id`)}
      order by i.occurred_at desc, i.id desc limit ${take})`);
  }
  if (wants("milestones")) {
    branches.push(sql`(select 'milestone' as kind, mc.id::text as id, 2 as rank, mc.at as at, ${AT_TEXT(sql`mc.at`)} as at_text,
        '' as title, null as event, nullif(mc.reason, '') as detail, null::float8 as weight, null as channel, null as direction,
        mc.actor_id, m.name as actor_name, ${AT_TEXT(sql`mc.at`)} as created_at, null as type_key, mc.from_milestone::int as from_milestone, mc.to_milestone::int as to_milestone, false as recent, null as answer_gesture, null as answer_by, null as answer_at
      from milestone_changes mc left join members m on m.id = mc.actor_id
      where mc.customer_id = ${customerId} and ${before(after, sql`mc.at`, 2, sql`mc.id`)}
      order by mc.at desc, mc.id desc limit ${take})`);
  }
  if (wants("tasks")) {
    branches.push(sql`(select 'task' as kind, k.id::text as id, 4 as rank, k.closed_at as at, ${AT_TEXT(sql`k.closed_at`)} as at_text,
        k.title as title, k.status::text as event,
        case k.status when 'done' then k.outcome else k.dismiss_reason end as detail,
        null::float8 as weight, null as channel, null as direction, k.closed_by_id as actor_id, m.name as actor_name,
        ${AT_TEXT(sql`k.closed_at`)} as created_at, null as type_key, null::int as from_milestone, null::int as to_milestone, false as recent, null as answer_gesture, null as answer_by, null as answer_at
      from tasks k left join members m on m.id = k.closed_by_id
      where k.customer_id = ${customerId} and k.closed_at is not null and ${before(after, sql`k.closed_at`, 4, sql`k.id`)}
      order by k.closed_at desc, k.id desc limit ${take})`);
  }
  if (wants("account")) {
    branches.push(sql`(select 'role' as kind, (ra.id * 3 + e.n)::text as id, 1 as rank, e.at as at, ${AT_TEXT(sql`e.at`)} as at_text,
        r.name as title, e.verb as event, nullif(ra.notes, '') as detail, null::float8 as weight, null as channel, null as direction,
        ra.actor_id, m.name as actor_name, ${AT_TEXT(sql`e.at`)} as created_at, r.key as type_key, null::int as from_milestone, null::int as to_milestone, false as recent, null as answer_gesture, null as answer_by, null as answer_at
      from role_assignments ra
      join advocate_roles r on r.id = ra.role_id
      left join members m on m.id = ra.actor_id
      cross join lateral (values (0, ra.invited_at, 'invited'), (1, ra.activated_at, 'active'), (2, ra.retired_at, 'retired')) as e(n, at, verb)
      where ra.customer_id = ${customerId} and e.at is not null and ${before(after, sql`e.at`, 1, sql`(ra.id * 3 + e.n)`)}
      order by e.at desc limit ${take})`);
    branches.push(sql`(select 'account' as kind, a.id::text as id, 0 as rank, a.at as at, ${AT_TEXT(sql`a.at`)} as at_text,
        '' as title, a.action as event,
        case a.action when 'customer.churned' then a.after->>'reason'
          when 'customer.owner_changed' then (select name from members where id = (a.after->>'ownerId')::int) else null end as detail,
        null::float8 as weight, null as channel, null as direction, a.actor_id, a.actor_label as actor_name, ${AT_TEXT(sql`a.at`)} as created_at,
        null as type_key, null::int as from_milestone, null::int as to_milestone, false as recent, null as answer_gesture, null as answer_by, null as answer_at
      from audit_log a
      where a.entity_type = 'customer' and a.entity_id = ${String(customerId)}
        and a.action in ('customer.created', 'customer.churned', 'customer.reactivated', 'customer.owner_changed')
        and ${before(after, sql`a.at`, 0, sql`a.id`)}
      order by a.at desc, a.id desc limit ${take})`);
  }

  const rows = await queryRows<Row>(
    db,
    sql`select * from (${sql.join(branches, sql` union all `)}) as timeline order by at desc, rank desc, id::bigint desc limit ${take}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const entries: TimelineEntry[] = page.map((row) => ({
    key: `${row.kind}-${row.id}`,
    kind: row.kind,
    id: Number(row.id),
    at: row.at_text,
    title: row.title,
    event: row.event,
    detail: row.detail,
    weight: row.weight === null ? null : Number(row.weight),
    channel: row.channel,
    direction: row.direction,
    actorId: row.actor_id,
    actorName: row.actor_name,
    createdAt: row.created_at,
    typeKey: row.type_key,
    fromMilestone: row.from_milestone,
    toMilestone: row.to_milestone,
    recent: row.recent,
    answer:
      row.answer_gesture === null || row.answer_at === null
        ? null
        : { gesture: row.answer_gesture, by: row.answer_by, at: row.answer_at },
  }));
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ at: last.at_text, rank: last.rank, id: Number(last.id) }) : null;
  return { entries, nextCursor };
}
