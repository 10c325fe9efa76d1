import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { addDays } from "@/lib/tasks";
import { memberToday } from "@/server/notifications/preferences";
import { getCustomerTasks } from "@/server/tasks/queries";
import { listActiveMembers } from "@/server/team/queries";
import { NewTaskForm } from "./new-task-form";
import { TaskItem } from "./task-item";
import { taskView } from "./task-view";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";

/** The customer's open tasks, the last few closed ones, and a form to add one. */
export async function CustomerTasks({
  customerId,
  ownerId,
  member,
  openNewTask = false,
}: {
  customerId: number;
  ownerId: number | null;
  member: SessionMember;
  /** Opened with focus in its first field: the page was opened to add a task (the command palette's "New task for …"). */
  openNewTask?: boolean;
}) {
  const db = await readDb();
  const canChange = can(member.role, "tasks.write");
  const [{ open, closed }, today, members, t, tl, f] = await Promise.all([
    getCustomerTasks(db, { customerId }),
    memberToday(db, member.id),
    canChange ? listActiveMembers(db) : Promise.resolve([]),
    getTranslations("tasks"),
    getTranslations("labels"),
    getFormat(),
  ]);
  return (
    <Card
      title={t("customer.title", { count: open.length })}
      action={
        <Link href="/tasks" className="text-sm font-medium text-brand-700 underline">
          {t("customer.myDay")}
        </Link>
      }
    >
      {open.length === 0 ? (
        <p className="text-sm text-slate-600">{t("customer.none")}</p>
      ) : (
        <ul className="space-y-2" aria-label={t("customer.openTasks")}>
          {open.map((task) => (
            <TaskItem key={task.id} task={taskView(task, today, { f, t, tl })} canChange={canChange} />
          ))}
        </ul>
      )}
      {closed.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-600">{t("customer.recentlyClosed")}</summary>
          <ul className="mt-2 space-y-1">
            {closed.map((task) => (
              <li key={task.id} className="text-slate-700">
                {t("customer.closed", { status: task.status === "done" ? "done" : "dismissed", title: task.title })}
                {task.status === "dismissed" && task.dismissReason ? ` — ${task.dismissReason}` : ""}
                <span className="ml-1 text-slate-500">{f.date(task.closedAt)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {canChange ? (
        <details id="new-task" className="mt-4" open={openNewTask}>
          <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("customer.add")}</summary>
          <div className="mt-3">
            <NewTaskForm
              customerId={customerId}
              members={members}
              defaultAssigneeId={ownerId}
              defaultDue={addDays(today, 3)}
              autoFocus={openNewTask}
            />
          </div>
        </details>
      ) : null}
    </Card>
  );
}
