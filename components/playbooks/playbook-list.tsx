import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { TRIGGER_LABELS } from "@/lib/playbooks";
import { PRIORITY_LABELS } from "@/lib/tasks";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getPlaybooks, type PlaybookRow } from "@/server/playbooks/queries";
import { listActiveMembers } from "@/server/team/queries";
import { PlaybookForm, type PlaybookValues } from "./playbook-form";

const NEW_PLAYBOOK: PlaybookValues = {
  name: "",
  active: true,
  trigger: "risk_at_risk",
  triggerTypeKey: null,
  triggerDays: null,
  taskTitle: "Check in with {{customer}}",
  checklist: [],
  dueInDays: 3,
  priority: "normal",
  assigneeId: null,
  emailSubject: null,
  emailBody: null,
};

function describe(row: PlaybookRow, typeLabels: Map<string, string>): string {
  const { playbook } = row;
  const when =
    playbook.trigger === "debit_logged"
      ? `${typeLabels.get(playbook.triggerTypeKey ?? "") ?? playbook.triggerTypeKey} is logged`
      : playbook.trigger === "silence"
        ? `Silent for ${playbook.triggerDays} days`
        : TRIGGER_LABELS[playbook.trigger];
  const due =
    playbook.dueInDays === 0
      ? "due the same day"
      : `due in ${playbook.dueInDays} ${playbook.dueInDays === 1 ? "day" : "days"}`;
  return `${when} → “${playbook.taskTitle}”, ${PRIORITY_LABELS[playbook.priority].toLowerCase()}, ${due}, for ${row.assigneeName ?? "the owner"}${playbook.emailSubject ? ", with an email" : ""}.`;
}

/** Settings → Playbooks: what fires, what it creates, and how many of its tasks are open and done. */
export async function PlaybookList({ member }: { member: SessionMember }) {
  const db = await readDb();
  const [rows, types, members] = await Promise.all([getPlaybooks(db), listInteractionTypes(db), listActiveMembers(db)]);
  const editable = can(member.role, "playbooks.manage");
  const debitTypes = types.filter((type) => type.weight < 0);
  const typeLabels = new Map(types.map((type) => [type.key, type.label]));
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-sm text-slate-600">
        A playbook turns a signal into a task with an owner and a due date. Conditions (risk, silence, a stage held too
        long, an advocate at capacity) fire when a customer enters them — on the write that causes it, or at the refresh
        every 10 minutes — and again only after the customer has left the condition. Debits and NPS answers fire when
        they are logged (within the last 7 days). A customer has at most one open task per playbook.
      </p>
      {rows.length === 0 ? (
        <EmptyState title="No playbooks yet">
          <p>{editable ? "Create the first one below." : "An admin can create them."}</p>
        </EmptyState>
      ) : (
        rows.map((row) => (
          <Card
            key={row.playbook.id}
            title={`${row.playbook.name}${row.playbook.active ? "" : " (off)"}`}
            action={
              <span className="text-xs text-slate-600">
                {row.openTasks} open · {row.doneTasks} done
              </span>
            }
          >
            <p className="text-sm text-slate-700" data-testid="playbook-summary">
              {describe(row, typeLabels)}
            </p>
            {editable ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">Edit</summary>
                <div className="mt-3">
                  <PlaybookForm
                    key={row.playbook.updatedAt.toISOString()}
                    playbook={{ ...row.playbook, id: row.playbook.id }}
                    debitTypes={debitTypes}
                    members={members}
                  />
                </div>
              </details>
            ) : null}
          </Card>
        ))
      )}
      {editable ? (
        <Card title="New playbook">
          <PlaybookForm playbook={NEW_PLAYBOOK} debitTypes={debitTypes} members={members} />
        </Card>
      ) : null}
    </div>
  );
}
