import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { DUE_BUCKETS, type DueBucket } from "@/lib/tasks";
import { getMyDay, type MyDayQuery } from "@/server/tasks/queries";
import { MyDayBoard, type MyDaySection } from "./my-day-board";
import { taskView } from "./task-view";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";

/** My day's sections from the open tasks: overdue, due today, this week, later; grouped by customer. */
export async function MyDay({
  query,
  more,
  members,
  canChange,
}: {
  query: MyDayQuery;
  /** The URL that shows more of a section, when it may show more. */
  more: (bucket: DueBucket) => string | undefined;
  members: { id: number; name: string }[];
  canChange: boolean;
}) {
  const db = await readDb();
  const [{ tasks, counts, atRiskScore }, t, tl, f] = await Promise.all([
    getMyDay(db, query),
    getTranslations("tasks"),
    getTranslations("labels"),
    getFormat(),
  ]);
  if (tasks.length === 0)
    return (
      <EmptyState title={t("myDay.emptyTitle")}>
        <p>{t("myDay.empty")}</p>
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
          balance: f.signed(task.balance),
          inDebt: task.balance < 0,
          risk: f.decimal(task.riskScore),
          atRisk: task.riskScore >= atRiskScore,
          tasks: [],
        };
        groups.push(group);
      }
      group.tasks.push(taskView(task, query.today, { f, t, tl }));
    }
    const count = counts[bucket] ?? 0;
    const shown = groups.reduce((sum, group) => sum + group.tasks.length, 0);
    return {
      key: bucket,
      label: tl(`dueBucket.${bucket}`),
      count,
      shown,
      moreHref: shown < count ? more(bucket) : undefined,
      groups,
    };
  }).filter((section) => section.count > 0 || section.key === "overdue" || section.key === "today");
  return <MyDayBoard sections={sections} members={members} canChange={canChange} />;
}
