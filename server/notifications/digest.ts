import { and, desc, eq, sql } from "drizzle-orm";
import { type Database, type Queryable, queryRows } from "@/db";
import { jobs, members, notifications, type Job } from "@/db/schema";
import { isTimeZone } from "@/lib/i18n/zones";
import { quarterStart } from "@/lib/advocacy";
import { type DigestContent, digestDriver, digestText, RISK_RISE_STEP } from "@/lib/digest";
import type { EmailText } from "@/lib/email-text";
import { interactionTypeLabel } from "@/lib/i18n/labels";
import { localDay } from "@/lib/tasks";
import { getQueueTypeIds, waitingDebitSql } from "@/server/delight/queries";
import { enqueueJobs } from "@/server/jobs/queue";
import { mailTransport, sendMail } from "@/server/outreach/mailer";
import { getRiskDrivers, getRiskList } from "@/server/risk/queries";
import { getSettings } from "@/server/settings/queries";
import { getMyDay } from "@/server/tasks/queries";
import { baseUrl } from "./base-url";
import { textForMember } from "./member-messages";
import { getPreferences } from "./preferences";
import { enqueueWebhook } from "./webhooks";

/** The hour (member's time zone) from which the day's digest goes out. */
export const DIGEST_HOUR = 8;

/** The risk list's scope for a member when they open it: a CSM's own customers, everyone's for the rest. */
const scopeOf = (member: { id: number; role: string }) => (member.role === "csm" ? member.id : undefined);

type Snapshot = { topIds: number[]; scores: Record<string, number> };

async function previousSnapshot(db: Queryable, memberId: number): Promise<Snapshot | null> {
  const [row] = await db
    .select({ payload: jobs.payload })
    .from(jobs)
    .where(
      and(eq(jobs.kind, "digest"), eq(jobs.status, "done"), sql`${jobs.payload}->>'memberId' = ${String(memberId)}`),
    )
    .orderBy(desc(jobs.id))
    .limit(1);
  const snapshot = (row?.payload as { snapshot?: Snapshot } | undefined)?.snapshot;
  return snapshot ?? null;
}

/**
 * Everything the member's digest says, read as the tables stand now; names of risk drivers and
 * interaction types in the member's language (`memberText`, read for the member when not given).
 */
export async function buildDigest(
  db: Queryable,
  member: { id: number; name: string; role: string },
  day: string,
  memberText?: EmailText,
): Promise<{ content: DigestContent; snapshot: Snapshot }> {
  const ownerId = scopeOf(member);
  const [top, watched, previous, myDay, { advocacy, delight }, queueTypeIds, text] = await Promise.all([
    getRiskList(db, {
      view: "at-risk",
      ownerId,
      sort: "risk",
      direction: "desc",
      page: 1,
      pageSize: 10,
      countAhead: 0,
    }),
    getRiskList(db, {
      view: "at-risk",
      ownerId,
      sort: "risk",
      direction: "desc",
      page: 1,
      pageSize: 50,
      countAhead: 0,
    }),
    previousSnapshot(db, member.id),
    getMyDay(db, { assignee: member.id, today: day, limit: 10 }),
    getSettings(db, ["advocacy", "delight"]),
    getQueueTypeIds(db),
    memberText ?? textForMember(db, member.id),
  ]);
  const rising = previous
    ? watched.rows.filter(
        (row) => row.id in previous.scores && row.riskScore - previous.scores[row.id] >= RISK_RISE_STEP,
      )
    : [];
  const drivers = await getRiskDrivers(db, { customerIds: rising.map((row) => row.id) });
  const owner = ownerId ? sql`and c.owner_id = ${ownerId}` : sql``;
  const [debits, advocates] = await Promise.all([
    queryRows<{ customerName: string; label: string; typeKey: string; ageDays: number; count: number }>(
      db,
      sql`select c.name as "customerName", t.label, t.key as "typeKey", floor(extract(epoch from now() - i.occurred_at) / 86400)::int as "ageDays",
          count(*) over ()::int as count
        from interactions i join customers c on c.id = i.customer_id join interaction_types t on t.id = i.type_id
        where ${waitingDebitSql(delight.queueDays, queueTypeIds)} and c.status = 'active' ${owner}
          and i.occurred_at < now() - interval '48 hours'
        order by i.occurred_at limit 5`,
    ),
    queryRows<{ name: string; used: number; capacity: number }>(
      db,
      sql`select c.name, count(*)::int as used, coalesce(c.ask_capacity, ${advocacy.askCapacity})::int as capacity
        from advocate_asks k join customers c on c.id = k.customer_id
        where k.asked_at >= ${quarterStart(new Date()).toISOString()}::timestamptz and c.status = 'active' ${owner}
        group by c.id, c.name, c.ask_capacity
        having count(*) >= coalesce(c.ask_capacity, ${advocacy.askCapacity})
        order by c.name limit 10`,
    ),
  ]);
  const content: DigestContent = {
    memberName: member.name,
    day,
    first: previous === null,
    newInTopTen: top.rows
      .filter((row) => !previous?.topIds.includes(row.id))
      .map((row) => ({ id: row.id, name: row.name, risk: row.riskScore })),
    riskRises: rising.map((row) => {
      const driver = drivers.get(row.id)?.[0];
      return {
        id: row.id,
        name: row.name,
        from: (previous as Snapshot).scores[row.id],
        to: row.riskScore,
        driver: driver ? digestDriver(text, driver) : null,
      };
    }),
    tasks: {
      overdue: myDay.counts.overdue ?? 0,
      today: myDay.counts.today ?? 0,
      list: myDay.tasks
        .filter((task) => task.bucket === "overdue" || task.bucket === "today")
        .map((task) => ({ title: task.title, customerName: task.customerName, dueOn: task.dueOn })),
    },
    unansweredDebits: {
      count: debits[0]?.count ?? 0,
      list: debits.map(({ customerName, label, typeKey, ageDays }) => ({
        customerName,
        label: interactionTypeLabel(text.tl, { key: typeKey, label }),
        ageDays,
      })),
    },
    advocatesPastCapacity: advocates,
  };
  const snapshot: Snapshot = {
    topIds: top.rows.map((row) => row.id),
    scores: Object.fromEntries(watched.rows.map((row) => [row.id, row.riskScore])),
  };
  return { content, snapshot };
}

/**
 * Enqueues today's digest for every active member whose local time has reached 08:00. The job key
 * holds the member and their local date, so however many processes enqueue it, and across restarts,
 * there is one digest per member per day.
 */
export async function enqueueDueDigests(db: Queryable, now = new Date()): Promise<number> {
  const [active, { book }] = await Promise.all([
    db.select({ id: members.id, timeZone: members.timeZone }).from(members).where(eq(members.active, true)),
    getSettings(db, ["book"]),
  ]);
  const due = active.flatMap(({ id, timeZone: chosen }) => {
    const timeZone = chosen && isTimeZone(chosen) ? chosen : book.timeZone;
    const hour = Number(new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", hourCycle: "h23" }).format(now));
    if (hour < DIGEST_HOUR) return [];
    const day = localDay(now, timeZone);
    return [{ kind: "digest", key: `digest:${id}:${day}`, payload: { memberId: id, day } }];
  });
  return enqueueJobs(db, due);
}

/** Sends one digest job: in the bell, by email (with SMTP) and to the member's webhook, as they chose. */
export async function deliverDigest(db: Database, job: Pick<Job, "id" | "payload">): Promise<void> {
  const { memberId, day } = job.payload as { memberId: number; day: string };
  const [member] = await db
    .select({ id: members.id, name: members.name, email: members.email, role: members.role, active: members.active })
    .from(members)
    .where(eq(members.id, memberId));
  if (!member?.active) return;
  const [preferences, memberText] = await Promise.all([getPreferences(db, { memberId }), textForMember(db, memberId)]);
  const { content, snapshot } = await buildDigest(db, member, day, memberText);
  const { subject, text } = digestText(content, baseUrl(), memberText);
  if (preferences.digestEmail && mailTransport() === "smtp") await sendMail({ to: member.email, subject, text });
  await db.transaction(async (tx) => {
    if (preferences.inAppAlerts)
      await tx
        .insert(notifications)
        .values({ memberId, key: `digest:${day}`, title: subject, body: text, href: "/tasks" })
        .onConflictDoNothing();
    if (preferences.webhookUrl)
      await enqueueWebhook(tx, { memberId, key: `digest:${memberId}:${day}`, event: "digest", text });
    await tx.update(jobs).set({ payload: { memberId, day, snapshot } }).where(eq(jobs.id, job.id));
  });
}
