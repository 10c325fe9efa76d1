import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { interactionTypeLabel } from "@/lib/i18n/labels";
import { getTranslations } from "next-intl/server";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { getPlaybooks, type PlaybookRow } from "@/server/playbooks/queries";
import { listActiveMembers } from "@/server/team/queries";
import { PlaybookForm, type PlaybookValues } from "./playbook-form";

type PlaybooksT = Awaited<ReturnType<typeof getTranslations<"playbooks">>>;

/** A new playbook's form, filled in the reader's language ({{customer}} is a merge field, not translated). */
function newPlaybook(t: PlaybooksT): PlaybookValues {
  return {
    name: "",
    active: true,
    trigger: "risk_at_risk",
    triggerTypeKey: null,
    triggerDays: null,
    taskTitle: t("list.newTaskTitle", { customer: "{{customer}}" }),
    checklist: [],
    dueInDays: 3,
    priority: "normal",
    assigneeId: null,
    emailSubject: null,
    emailBody: null,
  };
}

function describe(t: PlaybooksT, row: PlaybookRow, typeLabels: Map<string, string>): string {
  const { playbook } = row;
  const when =
    playbook.trigger === "debit_logged"
      ? t("summary.debitLogged", {
          type: typeLabels.get(playbook.triggerTypeKey ?? "") ?? playbook.triggerTypeKey ?? "",
        })
      : playbook.trigger === "silence"
        ? t("summary.silentFor", { days: playbook.triggerDays ?? 0 })
        : t(`triggers.${playbook.trigger}`);
  return t("summary.sentence", {
    when,
    title: playbook.taskTitle,
    priority: playbook.priority,
    days: playbook.dueInDays,
    assignee: row.assigneeName ?? t("summary.theOwner"),
    email: playbook.emailSubject ? "yes" : "no",
  });
}

/** Settings → Playbooks: what fires, what it creates, and how many of its tasks are open and done. */
export async function PlaybookList({ member }: { member: SessionMember }) {
  const db = await readDb();
  const [rows, allTypes, members, t, tl] = await Promise.all([
    getPlaybooks(db),
    listInteractionTypes(db),
    listActiveMembers(db),
    getTranslations("playbooks"),
    getTranslations("labels"),
  ]);
  const editable = can(member.role, "playbooks.manage");
  const types = allTypes.map((type) => ({ ...type, label: interactionTypeLabel(tl, type) }));
  const debitTypes = types.filter((type) => type.weight < 0);
  const typeLabels = new Map(types.map((type) => [type.key, type.label]));
  return (
    <div className="space-y-4">
      <p className="max-w-prose text-sm text-slate-600">{t("list.intro")}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("list.emptyTitle")}>
          <p>{editable ? t("list.emptyEditable") : t("list.emptyReadOnly")}</p>
        </EmptyState>
      ) : (
        rows.map((row) => (
          <Card
            key={row.playbook.id}
            title={t("list.cardTitle", { name: row.playbook.name, active: row.playbook.active ? "yes" : "no" })}
            action={
              <span className="text-xs text-slate-600">
                {t("list.counts", { open: row.openTasks, done: row.doneTasks })}
              </span>
            }
          >
            <p className="text-sm text-slate-700" data-testid="playbook-summary">
              {describe(t, row, typeLabels)}
            </p>
            {editable ? (
              <details className="mt-3">
                <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("list.edit")}</summary>
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
        <Card title={t("list.newTitle")}>
          <PlaybookForm playbook={newPlaybook(t)} debitTypes={debitTypes} members={members} />
        </Card>
      ) : null}
    </div>
  );
}
