"use client";

import { useState } from "react";
import { completeTaskAction, dismissTaskAction, toggleChecklistItemAction } from "@/server/tasks/actions";
import { FormMessage, fieldErrors, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TaskPriority } from "@/lib/tasks";
import { useTranslations } from "next-intl";

/** A task as the lists show it, formatted on the server. */
export type TaskView = {
  id: number;
  title: string;
  priority: TaskPriority;
  priorityLabel: string;
  due: string;
  overdue: boolean;
  origin: string;
  assigneeName: string | null;
  note: string;
  checklist: { text: string; done: boolean }[];
};

const PRIORITY_STYLE: Record<TaskPriority, string> = {
  urgent: "bg-red-100 text-red-800",
  high: "bg-amber-100 text-amber-900",
  normal: "bg-slate-100 text-slate-700",
  low: "bg-slate-50 text-slate-600",
};

function ChecklistItem({
  taskId,
  index,
  item,
}: {
  taskId: number;
  index: number;
  item: { text: string; done: boolean };
}) {
  const toggle = useActionForm(toggleChecklistItemAction);
  return (
    <li>
      <form onSubmit={toggle.onSubmit} className="flex items-center gap-2">
        <input type="hidden" name="taskId" value={taskId} />
        <input type="hidden" name="item" value={index} />
        <input type="hidden" name="done" value={String(!item.done)} />
        <button
          type="submit"
          role="checkbox"
          aria-checked={item.done}
          disabled={toggle.pending}
          className="flex items-center gap-2 text-left text-sm text-slate-700"
        >
          <span
            aria-hidden
            className={`inline-block h-4 w-4 rounded border ${item.done ? "border-emerald-600 bg-emerald-600" : "border-slate-400 bg-white"}`}
          />
          <span className={item.done ? "text-slate-500 line-through" : ""}>{item.text}</span>
        </button>
        {toggle.state && !toggle.state.ok ? <FormMessage state={toggle.state} /> : null}
      </form>
    </li>
  );
}

/**
 * One open task: its checklist, Complete (with an optional outcome, which the timeline shows) and
 * Dismiss (with a reason). `selection` adds the checkbox My day's bulk bar reads.
 */
export function TaskItem({
  task,
  canChange,
  selection,
}: {
  task: TaskView;
  canChange: boolean;
  selection?: { selected: boolean; onChange: (selected: boolean) => void };
}) {
  const t = useTranslations("tasks.item");
  const complete = useActionForm(completeTaskAction);
  const dismiss = useActionForm(dismissTaskAction);
  // My day lists up to 100 tasks (2,000 when widened): the dismiss form is built when its fold opens, not for each one.
  const [dismissOpen, setDismissOpen] = useState(false);
  const outcomeId = `outcome-${task.id}`;
  const reasonId = `reason-${task.id}`;
  return (
    <li data-testid="task" className="rounded-md border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start gap-3">
        {selection && canChange ? (
          <input
            type="checkbox"
            className="mt-1 h-4 w-4"
            checked={selection.selected}
            onChange={(event) => selection.onChange(event.target.checked)}
            aria-label={t("select", { title: task.title })}
          />
        ) : null}
        <div className="min-w-0 flex-1">
          <p className="font-medium text-slate-900">{task.title}</p>
          <p className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-slate-600">
            <span className={`rounded px-1.5 py-0.5 font-semibold ${PRIORITY_STYLE[task.priority]}`}>
              {task.priorityLabel}
            </span>
            <span className={task.overdue ? "font-semibold text-red-700" : ""}>
              {task.overdue ? t("overdueSince", { date: task.due }) : t("due", { date: task.due })}
            </span>
            <span>· {task.origin}</span>
            <span>· {task.assigneeName ?? t("unassigned")}</span>
          </p>
          {task.note ? <p className="mt-1 text-sm text-slate-600">{task.note}</p> : null}
          {task.checklist.length > 0 ? (
            <ul className="mt-2 space-y-1" aria-label={t("checklist", { title: task.title })}>
              {task.checklist.map((item, index) => (
                <ChecklistItem key={index} taskId={task.id} index={index} item={item} />
              ))}
            </ul>
          ) : null}
        </div>
      </div>
      {canChange ? (
        <div className="mt-2 flex flex-wrap items-start gap-4">
          <form
            onSubmit={complete.onSubmit}
            aria-label={t("completeTask", { title: task.title })}
            className="flex flex-wrap items-end gap-2"
          >
            <input type="hidden" name="taskId" value={task.id} />
            <div className="w-64">
              <TextField
                id={outcomeId}
                name="outcome"
                label={t("outcome")}
                maxLength={500}
                placeholder={t("outcomePlaceholder")}
                errors={fieldErrors(complete.state).outcome}
              />
            </div>
            <div className="mb-5 flex items-center gap-2">
              <SubmitButton pending={complete.pending} pendingText={t("completing")}>
                {t("complete")}
              </SubmitButton>
              <FormMessage state={complete.state} />
            </div>
          </form>
          <details className="text-sm" onToggle={(event) => setDismissOpen(event.currentTarget.open)}>
            <summary className="cursor-pointer py-2 text-slate-600">{t("dismissOpen")}</summary>
            {dismissOpen ? (
              <form
                onSubmit={dismiss.onSubmit}
                aria-label={t("dismissTask", { title: task.title })}
                className="mt-2 flex flex-wrap items-end gap-2"
              >
                <input type="hidden" name="taskId" value={task.id} />
                <div className="w-64">
                  <TextField
                    id={reasonId}
                    name="reason"
                    label={t("reason")}
                    maxLength={300}
                    errors={fieldErrors(dismiss.state).reason}
                  />
                </div>
                <div className="mb-5 flex items-center gap-2">
                  <SubmitButton variant="secondary" pending={dismiss.pending} pendingText={t("dismissing")}>
                    {t("dismiss")}
                  </SubmitButton>
                  <FormMessage state={dismiss.state} />
                </div>
              </form>
            ) : null}
          </details>
        </div>
      ) : null}
    </li>
  );
}
