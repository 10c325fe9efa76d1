import { formatDate } from "@/lib/format";
import { PRIORITY_LABELS, SOURCE_LABELS, type TaskPriority, type TaskSource } from "@/lib/tasks";
import type { TaskView } from "./task-item";

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
): TaskView {
  return {
    id: task.id,
    title: task.title,
    priority: task.priority,
    priorityLabel: PRIORITY_LABELS[task.priority],
    due: formatDate(`${task.dueOn}T12:00:00Z`),
    overdue: task.dueOn < today,
    origin: task.playbookName ? `Playbook: ${task.playbookName}` : SOURCE_LABELS[task.source],
    assigneeName: task.assigneeName,
    note: task.note,
    checklist: task.checklist,
  };
}
