import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { DUE_BUCKET_LABELS, DUE_BUCKETS } from "@/lib/tasks";
import { getMyDay, type MyDayQuery } from "@/server/tasks/queries";
import { MyDayBoard, type MyDaySection } from "./my-day-board";
import { taskView } from "./task-view";
import { formatDecimal, formatSigned } from "@/lib/format";

/** My day's sections from the open tasks: overdue, due today, this week, later; grouped by customer. */
export async function MyDay({
  query,
  members,
  canChange,
}: {
  query: MyDayQuery;
  members: { id: number; name: string }[];
  canChange: boolean;
}) {
  const db = await readDb();
  const { tasks, counts, atRiskScore } = await getMyDay(db, query);
  if (tasks.length === 0)
    return (
      <EmptyState title="No open tasks here">
        <p>
          Turn a suggested next step on the risk list into a task, add one from a customer&apos;s page, or let a
          playbook (Settings → Playbooks) create them.
        </p>
      </EmptyState>
    );
  const sections: MyDaySection[] = DUE_BUCKETS.map((bucket) => {
    const groups: MyDaySection["groups"] = [];
    for (const task of tasks.filter((one) => one.bucket === bucket)) {
      let group = groups.find((one) => one.customerId === task.customerId);
      if (!group) {
        group = {
          customerId: task.customerId,
          customerName: task.customerName,
          balance: formatSigned(task.balance),
          inDebt: task.balance < 0,
          risk: formatDecimal(task.riskScore),
          atRisk: task.riskScore >= atRiskScore,
          tasks: [],
        };
        groups.push(group);
      }
      group.tasks.push(taskView(task, query.today));
    }
    return { key: bucket, label: DUE_BUCKET_LABELS[bucket], count: counts[bucket] ?? 0, groups };
  }).filter((section) => section.count > 0 || section.key === "overdue" || section.key === "today");
  return <MyDayBoard sections={sections} members={members} canChange={canChange} />;
}
