import { type SQL, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "@/db";
import { quarterStart } from "@/lib/advocacy";
import { NPS_DETRACTOR_TYPE, type PlaybookTrigger, STATE_TRIGGERS } from "@/lib/playbooks";
import type { Settings } from "@/lib/settings";
import { alertTaskAssigned } from "@/server/notifications/alerts";
import { getSettings } from "@/server/settings/queries";

/** An interaction just booked, as event triggers see it. */
export type BookedEvent = { customerId: number; typeKey: string; occurredAt: Date };

/** Event triggers answer what happened lately: a back-dated or imported row older than this fires nothing. */
export const EVENT_WINDOW_DAYS = 7;

type ActivePlaybook = {
  id: number;
  name: string;
  trigger: PlaybookTrigger;
  triggerTypeKey: string | null;
  triggerDays: number | null;
  taskTitle: string;
  checklist: string[];
  dueInDays: number;
  priority: string;
  assigneeId: number | null;
  hasEmail: boolean;
};

export type FiredTask = { taskId: number; playbookId: number; customerId: number; hasEmail: boolean };

const ids = (list: readonly number[]) => `{${[...new Set(list)].join(",")}}`;

/** Customers for whom a state trigger's condition holds now, among `among` (a relation of customers aliased c). */
function stateCondition(playbook: ActivePlaybook, settings: Pick<Settings, "risk" | "advocacy">, among: SQL): SQL {
  switch (playbook.trigger) {
    case "risk_at_risk":
      return sql`select c.id from ${among} where c.status = 'active' and c.risk_score >= ${settings.risk.atRiskScore}`;
    case "silence":
      // Paying customers, as the risk score's silence: a lead who never bought is not "gone quiet".
      return sql`select c.id from ${among} where c.status = 'active' and c.converted_at is not null
        and coalesce(c.last_inbound_at, c.converted_at) < now() - make_interval(days => ${playbook.triggerDays ?? 30})`;
    case "stage_overdue":
      // The default model's stage the customer is in, entered by the latest move into it from outside.
      return sql`select c.id from ${among}
        join journey_stages s on c.milestone between s.from_milestone and s.to_milestone
        join journey_models m on m.id = s.model_id and m.is_default
        where c.status = 'active'
          and now() - coalesce((select max(mc.at) from milestone_changes mc where mc.customer_id = c.id
              and mc.to_milestone between s.from_milestone and s.to_milestone
              and mc.from_milestone not between s.from_milestone and s.to_milestone), c.signed_up_at)
            > make_interval(days => s.target_days)`;
    case "advocate_capacity":
      return sql`select c.id from ${among}
        join advocate_asks k on k.customer_id = c.id and k.asked_at >= ${quarterStart(new Date()).toISOString()}::timestamptz
        where c.status = 'active'
        group by c.id, c.ask_capacity having count(*) >= coalesce(c.ask_capacity, ${settings.advocacy.askCapacity})`;
    default:
      throw new Error(`${playbook.trigger} is not a state trigger`);
  }
}

/** Customers an event trigger fires for among the interactions just booked. */
function eventCondition(playbook: ActivePlaybook, events: readonly BookedEvent[]): SQL | null {
  const typeKey = playbook.trigger === "nps_detractor" ? NPS_DETRACTOR_TYPE : playbook.triggerTypeKey;
  const recent = Date.now() - EVENT_WINDOW_DAYS * 86_400_000;
  const matching = events.filter((event) => event.typeKey === typeKey && event.occurredAt.getTime() >= recent);
  if (matching.length === 0) return null;
  return sql`select unnest(${ids(matching.map((event) => event.customerId))}::int[]) as id`;
}

const MERGE = (text: SQL) => sql`regexp_replace(regexp_replace(regexp_replace(regexp_replace(${text},
    '\\{\\{\\s*customer\\s*\\}\\}', c.name, 'g'),
    '\\{\\{\\s*company\\s*\\}\\}', coalesce(c.company, ''), 'g'),
    '\\{\\{\\s*owner\\s*\\}\\}', coalesce(o.name, 'your team'), 'g'),
    '\\{\\{\\s*days_silent\\s*\\}\\}', coalesce(floor(extract(epoch from now() - c.last_inbound_at) / 86400)::int::text, 'many'), 'g')`;

/**
 * One playbook's part of the statement: who fires (state triggers only on entering their
 * condition, latched in playbook_matches; event triggers on the event), and the tasks created for
 * them — at most one open per customer (the unique index), so firing twice is a no-op.
 */
function playbookCtes(playbook: ActivePlaybook, fires: SQL, n: number, createdById: number | null = null): SQL {
  const p = (name: string) => sql.raw(`p${n}_${name}`);
  const checklist = JSON.stringify(playbook.checklist.map((text) => ({ text, done: false })));
  return sql`
    ${p("created")} as (
      insert into tasks (customer_id, assignee_id, title, priority, due_on, source, playbook_id, checklist, created_by_id)
      select c.id, coalesce(${playbook.assigneeId}::int, c.owner_id), left(${MERGE(sql`${playbook.taskTitle}::text`)}, 200),
        ${playbook.priority}::task_priority, (now() at time zone 'UTC')::date + ${playbook.dueInDays}::int, 'playbook',
        ${playbook.id}::int, ${checklist}::jsonb, ${createdById}::int
      from (${fires}) f join customers c on c.id = f.id left join members o on o.id = c.owner_id
      on conflict do nothing
      returning id, customer_id, assignee_id, title, ${playbook.id}::int as playbook_id, ${playbook.hasEmail}::boolean as has_email)`;
}

function stateCtes(playbook: ActivePlaybook, condition: SQL, scope: SQL, n: number): SQL {
  const p = (name: string) => sql.raw(`p${n}_${name}`);
  return sql`
    ${p("now")} as (${condition}),
    ${p("left")} as (
      delete from playbook_matches m where m.playbook_id = ${playbook.id} and ${scope}
        and m.customer_id not in (select id from ${p("now")})),
    ${p("entered")} as (
      insert into playbook_matches (playbook_id, customer_id)
      select ${playbook.id}, id from ${p("now")} on conflict do nothing
      returning customer_id as id),
    ${playbookCtes(playbook, sql`select id from ${p("entered")}`, n)}`;
}

const PLAYBOOK_COLUMNS = sql`id, name, trigger, trigger_type_key as "triggerTypeKey", trigger_days as "triggerDays",
  task_title as "taskTitle", checklist, due_in_days as "dueInDays", priority, assignee_id as "assigneeId",
  email_subject is not null and email_body is not null as "hasEmail"`;

async function activePlaybooks(db: Queryable, triggers: readonly PlaybookTrigger[]): Promise<ActivePlaybook[]> {
  return queryRows<ActivePlaybook>(
    db,
    sql`select ${PLAYBOOK_COLUMNS}
      from playbooks where active and trigger = any(${`{${triggers.join(",")}}`}::playbook_trigger[]) order by id`,
  );
}

/**
 * Fires playbooks in one statement: state triggers for the customers a write just changed, event
 * triggers for the interactions it booked (the periodic pass is firePlaybooksOverTime). Each task
 * created is audited, announced in its assignee's bell, and — for a playbook with an email step —
 * queued for sending (server/jobs).
 */
export async function firePlaybooks(
  db: Queryable,
  { customerIds, events = [] }: { customerIds: readonly number[]; events?: readonly BookedEvent[] },
): Promise<FiredTask[]> {
  if (customerIds.length === 0 && events.length === 0) return [];
  const wanted: PlaybookTrigger[] = [...STATE_TRIGGERS];
  if (events.length > 0) wanted.push("debit_logged", "nps_detractor");
  const playbooks = await activePlaybooks(db, wanted);
  if (playbooks.length === 0) return [];
  const settings = await getSettings(db, ["risk", "advocacy"]);
  const scope = sql`m.customer_id = any(${ids(customerIds)}::int[])`;
  // The write's customers read by id first, then the conditions tested on them: left to itself the
  // planner walks the risk index over every at-risk customer in the book for a batch's 1,000.
  const written = sql`written as materialized (select * from customers where id = any(${ids(customerIds)}::int[]))`;
  const parts: { ctes: SQL; n: number }[] = [];
  playbooks.forEach((playbook, n) => {
    if (STATE_TRIGGERS.includes(playbook.trigger)) {
      parts.push({ ctes: stateCtes(playbook, stateCondition(playbook, settings, sql`written c`), scope, n), n });
    } else {
      const fires = eventCondition(playbook, events);
      if (fires) parts.push({ ctes: playbookCtes(playbook, fires, n), n });
    }
  });
  if (parts.length === 0) return [];
  return createTasks(
    db,
    [written, ...parts.map((part) => part.ctes)],
    sql.join(
      parts.map(({ n }) => sql`select * from ${sql.raw(`p${n}_created`)}`),
      sql` union all `,
    ),
    { auditEach: true },
  );
}

type StatePlaybook = ActivePlaybook & { updatedAt: Date; stateCheckedAt: Date | null; stateBasis: string | null };

/**
 * What a state condition depends on besides the customers' own rows: when any of it changed since
 * the last pass, everyone may have entered or left, so the pass looks at the whole book.
 */
function stateBasis(
  playbook: StatePlaybook,
  settings: Pick<Settings, "risk" | "advocacy">,
  stages: readonly StageTarget[],
): string {
  const own = { updatedAt: new Date(playbook.updatedAt).toISOString(), trigger: playbook.trigger };
  switch (playbook.trigger) {
    case "risk_at_risk":
      return JSON.stringify({ ...own, atRiskScore: settings.risk.atRiskScore });
    case "silence":
      return JSON.stringify({ ...own, days: playbook.triggerDays });
    case "stage_overdue":
      return JSON.stringify({ ...own, stages });
    default:
      // Asks count per quarter: at its start every advocate's count falls back to none.
      return JSON.stringify({
        ...own,
        askCapacity: settings.advocacy.askCapacity,
        quarter: quarterStart(new Date()).toISOString(),
      });
  }
}

type StageTarget = { fromMilestone: number; toMilestone: number; targetDays: number | null };

/**
 * Customers whose condition time alone can have met since `since`: their silence, or their time in
 * the default model's stage, reached the target in between. Read by index, in proportion to them.
 */
function crossedSince(playbook: StatePlaybook, since: SQL): SQL | null {
  if (playbook.trigger === "silence") {
    const days = sql`make_interval(days => ${playbook.triggerDays ?? 30})`;
    return sql`select c.id from customers c where c.status = 'active' and c.converted_at is not null
      and coalesce(c.last_inbound_at, c.converted_at) >= ${since} - ${days}
      and coalesce(c.last_inbound_at, c.converted_at) < now() - ${days}`;
  }
  if (playbook.trigger === "stage_overdue") {
    const stage = sql`journey_stages s join journey_models jm on jm.id = s.model_id and jm.is_default`;
    const target = sql`make_interval(days => s.target_days)`;
    return sql`select mc.customer_id from milestone_changes mc join ${stage}
        on mc.to_milestone between s.from_milestone and s.to_milestone
        and mc.from_milestone not between s.from_milestone and s.to_milestone
      where mc.at >= ${since} - ${target} and mc.at < now() - ${target}
      union
      select c.id from customers c join ${stage} on c.milestone between s.from_milestone and s.to_milestone
      where c.status = 'active' and c.signed_up_at >= ${since} - ${target} and c.signed_up_at < now() - ${target}`;
  }
  return null;
}

/**
 * The periodic pass of the state triggers, in proportion to what changed: for each playbook, the
 * customers noted since its last pass (playbook_candidates: new customers and changed risk,
 * status, stage, silence or capacity) and those whose silence or stage target time alone reached.
 * A playbook that is new, edited, or whose threshold, stage targets or quarter changed looks at
 * the whole book once. Returns the tasks created.
 */
export async function firePlaybooksOverTime(db: Queryable): Promise<FiredTask[]> {
  return db.transaction(async (tx) => {
    // Locked: two processes' passes follow each other, the second from where the first ended.
    const playbooks = await queryRows<StatePlaybook>(
      tx,
      sql`select ${PLAYBOOK_COLUMNS}, updated_at as "updatedAt", state_checked_at as "stateCheckedAt",
          state_basis as "stateBasis"
        from playbooks where active and trigger = any(${`{${STATE_TRIGGERS.join(",")}}`}::playbook_trigger[])
        order by id for update`,
    );
    const taken = sql`taken as (delete from playbook_candidates returning customer_id as id)`;
    if (playbooks.length === 0) {
      await tx.execute(sql`delete from playbook_candidates`);
      return [];
    }
    const settings = await getSettings(tx, ["risk", "advocacy"]);
    const stages = await queryRows<StageTarget>(
      tx,
      sql`select s.from_milestone as "fromMilestone", s.to_milestone as "toMilestone", s.target_days as "targetDays"
        from journey_stages s join journey_models m on m.id = s.model_id and m.is_default order by s.from_milestone`,
    );
    const bases = playbooks.map((playbook) => stateBasis(playbook, settings, stages));
    const parts = playbooks.map((playbook, n) => {
      const checkedAt = playbook.stateBasis === bases[n] ? playbook.stateCheckedAt : null;
      if (checkedAt === null)
        return stateCtes(playbook, stateCondition(playbook, settings, sql`customers c`), sql`true`, n);
      const crossed = crossedSince(playbook, sql`${new Date(checkedAt).toISOString()}::timestamptz`);
      const candidates = sql`select id from taken ${crossed ? sql`union ${crossed}` : sql``}`;
      return stateCtes(
        playbook,
        stateCondition(playbook, settings, sql`(select * from customers where id in (${candidates})) c`),
        sql`m.customer_id in (${candidates})`,
        n,
      );
    });
    const fired = await createTasks(
      tx,
      [taken, ...parts],
      sql.join(
        playbooks.map((_, n) => sql`select * from ${sql.raw(`p${n}_created`)}`),
        sql` union all `,
      ),
      { auditEach: true },
    );
    const checked = JSON.stringify(playbooks.map((playbook, n) => ({ id: playbook.id, basis: bases[n] })));
    await tx.execute(sql`update playbooks p set state_checked_at = now(), state_basis = v.basis
      from jsonb_to_recordset(${checked}::jsonb) as v(id int, basis text) where p.id = v.id`);
    return fired;
  });
}

/**
 * The statement that creates playbook tasks (`ctes`, whose rows `created` unions) with an audit
 * row per task (unless the caller audits the whole) and the email step's job; then the assignees'
 * bells and webhooks, in their languages (alertTaskAssigned).
 */
async function createTasks(db: Queryable, ctes: SQL[], created: SQL, { auditEach }: { auditEach: boolean }) {
  const rows = await queryRows<{
    id: number;
    customer_id: number;
    playbook_id: number;
    has_email: boolean;
    assignee_id: number | null;
    title: string;
    playbook_name: string;
  }>(
    db,
    sql`with ${sql.join(ctes, sql`,`)},
    created as (${created}),
    audited as (
      insert into audit_log (actor_id, actor_label, action, entity_type, entity_id, after)
      select null, 'playbook: ' || pb.name, 'task.created', 'task', t.id::text,
        jsonb_build_object('id', t.id, 'customerId', t.customer_id, 'title', t.title, 'playbookId', t.playbook_id)
      from created t join playbooks pb on pb.id = t.playbook_id where ${auditEach}::boolean),
    queued as (
      insert into jobs (kind, key, payload)
      select 'playbook_email', 'playbook_email:' || t.id, jsonb_build_object('taskId', t.id)
      from created t where t.has_email
      on conflict do nothing)
    select c.id, c.customer_id, c.playbook_id, c.has_email, c.assignee_id, c.title, pb.name as playbook_name
    from created c join playbooks pb on pb.id = c.playbook_id`,
  );
  // The bell and the webhooks, each assignee in their own language: one statement each for all the tasks.
  await alertTaskAssigned(
    db,
    rows.flatMap((row) =>
      row.assignee_id === null
        ? []
        : [
            {
              taskId: row.id,
              assigneeId: row.assignee_id,
              title: row.title,
              customerId: row.customer_id,
              from: { kind: "playbook", playbook: row.playbook_name },
            },
          ],
    ),
  );
  return rows.map((row) => ({
    taskId: row.id,
    customerId: row.customer_id,
    playbookId: row.playbook_id,
    hasEmail: row.has_email,
  }));
}

/**
 * Starts a playbook by hand for some customers (the lists' bulk bar): its task from its template,
 * exactly as when it fires, for each customer without an open task of it (the others are left
 * alone). The caller audits the whole. Null when the playbook does not exist.
 */
export async function startPlaybook(
  db: Queryable,
  { playbookId, customerIds, createdById }: { playbookId: number; customerIds: readonly number[]; createdById: number },
): Promise<{ name: string; created: FiredTask[] } | null> {
  const [playbook] = await queryRows<ActivePlaybook>(
    db,
    sql`select ${PLAYBOOK_COLUMNS} from playbooks where id = ${playbookId} for share`,
  );
  if (!playbook) return null;
  if (customerIds.length === 0) return { name: playbook.name, created: [] };
  const fires = sql`select unnest(${ids(customerIds)}::int[]) as id`;
  const created = await createTasks(
    db,
    [playbookCtes(playbook, fires, 0, createdById)],
    sql`select * from p0_created`,
    {
      auditEach: false,
    },
  );
  return { name: playbook.name, created };
}
