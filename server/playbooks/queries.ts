import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { referenceCached } from "@/db/reference-cache";
import { members, playbooks, tasks } from "@/db/schema";

/** Every playbook with its assignee and how many of its tasks are open and done. */
export async function getPlaybooks(db: Queryable) {
  return db
    .select({
      playbook: playbooks,
      assigneeName: members.name,
      openTasks: sql<number>`(select count(*)::int from ${tasks} where ${tasks.playbookId} = ${playbooks.id} and ${tasks.status} = 'open')`,
      doneTasks: sql<number>`(select count(*)::int from ${tasks} where ${tasks.playbookId} = ${playbooks.id} and ${tasks.status} = 'done')`,
    })
    .from(playbooks)
    .leftJoin(members, eq(members.id, playbooks.assigneeId))
    .orderBy(asc(playbooks.name), asc(playbooks.id));
}

export type PlaybookRow = Awaited<ReturnType<typeof getPlaybooks>>[number];

/** Every playbook's id, name and whether it is on: the lists' bulk bar offers them all to start by hand. */
export const listPlaybookChoices = referenceCached((db: Queryable) =>
  db
    .select({ id: playbooks.id, name: playbooks.name, active: playbooks.active })
    .from(playbooks)
    .orderBy(asc(playbooks.name), asc(playbooks.id)),
);
