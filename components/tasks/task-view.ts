import type { useTranslations } from "next-intl";
import type { Format } from "@/lib/format";
import type { TaskPriority, TaskSource } from "@/lib/tasks";
import type { TaskView } from "./task-item";

/** The reader's words for a task row: the formatter, the "tasks" and the "labels" translators. */
export type TaskWords = {
  f: Format;
  t: ReturnType<typeof useTranslations<"tasks">>;
  tl: ReturnType<typeof useTranslations<"labels">>;
};

/** A task row as TaskItem shows it, with its due date seen from the member's `today`. */
export function taskView(
  task: {
    id: number;
    title: string;
    priority: TaskPriority;
    dueOn: string;
    source: TaskSource;
    playbookName: string | null;
    assigneeName: string | null;
    note: string;
    checklist: { text: string; done: boolean }[];
  },
  today: string,
  { f, t, tl }: TaskWords,
): TaskView {
  return {
    id: task.id,
    title: task.title,
    priority: task.priority,
    priorityLabel: tl(`taskPriority.${task.priority}`),
    due: f.date(`${task.dueOn}T12:00:00Z`),
    overdue: task.dueOn < today,
    origin: task.playbookName ? t("item.fromPlaybook", { name: task.playbookName }) : tl(`taskSource.${task.source}`),
    assigneeName: task.assigneeName,
    note: task.note,
    checklist: task.checklist,
  };
}
