"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { bulkUpdateTasksAction } from "@/server/tasks/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { FILTER_CONTROL } from "@/components/filters/filter-controls";
import { TaskItem, type TaskView } from "./task-item";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";

export type MyDaySection = {
  key: string;
  label: string;
  /** All open tasks in this section, of which `groups` shows the first `shown`. */
  count: number;
  shown: number;
  /** Where the section shows more, while it may. */
  moreHref?: string;
  groups: {
    customerId: number;
    customerName: string;
    balance: string;
    inDebt: boolean;
    risk: string;
    atRisk: boolean;
    tasks: TaskView[];
  }[];
};

/** My day: the sections with their customers and tasks, and a bulk bar for the ones selected. */
export function MyDayBoard({
  sections,
  members,
  canChange,
}: {
  sections: MyDaySection[];
  members: { id: number; name: string }[];
  canChange: boolean;
}) {
  const t = useTranslations("tasks.board");
  const f = useFormat();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const bulk = useActionForm(bulkUpdateTasksAction);
  const visible = sections.flatMap((section) => section.groups.flatMap((group) => group.tasks.map((task) => task.id)));
  const chosen = visible.filter((id) => selected.has(id));
  const select = (id: number, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <div className="space-y-6">
      {canChange ? (
        <form
          onSubmit={bulk.onSubmit}
          aria-label={t("label")}
          className="sticky top-0 z-10 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
        >
          <input type="hidden" name="taskIds" value={chosen.join(",")} />
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="h-4 w-4"
              checked={visible.length > 0 && chosen.length === visible.length}
              onChange={(event) => setSelected(event.target.checked ? new Set(visible) : new Set())}
            />
            {t("selectAll")}
          </label>
          <span className="text-slate-600" aria-live="polite">
            {t("selected", { count: f.number(chosen.length) })}
          </span>
          <label className="flex items-center gap-2">
            <span>{t("action")}</span>
            <select name="operation" defaultValue="complete" className={FILTER_CONTROL}>
              <option value="complete">{t("complete")}</option>
              <option value="reassign">{t("reassign")}</option>
            </select>
          </label>
          <label className="flex items-center gap-2">
            <span>{t("assignee")}</span>
            <select name="assigneeId" defaultValue="" className={FILTER_CONTROL}>
              <option value="">—</option>
              {members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </label>
          <SubmitButton variant="secondary" pending={bulk.pending} pendingText={t("applying")}>
            {t("apply")}
          </SubmitButton>
          <FormMessage state={bulk.state} />
        </form>
      ) : null}
      {sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`}>
          <h2 id={`section-${section.key}`} className="mb-2 text-lg font-semibold text-slate-900">
            {section.label} <span className="text-sm font-normal text-slate-500">({f.number(section.count)})</span>
          </h2>
          {section.groups.length === 0 ? (
            <p className="text-sm text-slate-500">{t("nothing")}</p>
          ) : (
            <ul className="space-y-4">
              {section.groups.map((group) => (
                <li key={group.customerId} data-testid="task-customer">
                  <p className="mb-1 flex flex-wrap items-baseline gap-3 text-sm">
                    <Link
                      href={`/customers/${group.customerId}`}
                      className="font-semibold text-brand-700 hover:underline"
                    >
                      {group.customerName}
                    </Link>
                    <span className={group.inDebt ? "text-red-700" : "text-emerald-700"}>
                      {t("balance", { balance: group.balance })}
                    </span>
                    <span className={group.atRisk ? "font-semibold text-red-700" : "text-slate-600"}>
                      {t("risk", { risk: group.risk })}
                    </span>
                  </p>
                  <ul className="space-y-2">
                    {group.tasks.map((task) => (
                      <TaskItem
                        key={task.id}
                        task={task}
                        canChange={canChange}
                        selection={{ selected: selected.has(task.id), onChange: (on) => select(task.id, on) }}
                      />
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {section.count > section.shown ? (
            <p className="mt-2 flex flex-wrap items-baseline gap-3 text-sm text-slate-600">
              <span>{t("showingFirst", { shown: f.number(section.shown), count: f.number(section.count) })}</span>
              {section.moreHref ? (
                <Link href={section.moreHref} scroll={false} className="font-medium text-brand-700 hover:underline">
                  {t("showMore", { label: section.label })}
                </Link>
              ) : (
                <span>{t("narrowForRest")}</span>
              )}
            </p>
          ) : null}
        </section>
      ))}
    </div>
  );
}
