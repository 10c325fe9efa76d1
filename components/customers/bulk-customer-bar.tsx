"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import {
  bulkAddToPlaybookAction,
  bulkChangeOwnerAction,
  bulkLogInteractionAction,
  bulkSetMilestoneAction,
} from "@/server/customers/actions";
import type { InteractionTypeOption } from "@/server/ledger/interaction-types";
import { buttonClass } from "@/components/ui/button";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { FILTER_CONTROL } from "@/components/filters/filter-controls";
import { InteractionFields, withOccurredAt } from "@/components/timeline/interaction-fields";
import { useFormat } from "@/components/i18n/use-format";
import { milestoneLabel } from "@/lib/i18n/labels";
import { BULK_CUSTOMER_LIMIT, type BulkList } from "@/lib/bulk-customers";
import type { CustomerSelection } from "./use-customer-selection";

export const BULK_ACTIONS = ["owner", "milestone", "playbook", "interaction"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** What a list's bulk bar needs, prepared on the server: the actions the member's role allows and their choices. */
export type BulkOptions = {
  list: BulkList;
  /** The list's URL query: the server reads "all matching" from it with the list's own reader. */
  filters: string;
  /** How many customers match the filters, when the list counted them exactly. */
  matching: number | null;
  actions: BulkAction[];
  members: { id: number; name: string }[];
  playbooks: { id: number; name: string; active: boolean }[];
  types: InteractionTypeOption[];
  /** The 13 milestones with the default journey model's stage each falls in; the bar names them in the reader's language. */
  milestones: { number: number; stage: string | null }[];
};

/** The fields every bulk form sends: which list, and the customers ticked or "all matching". */
function SelectionFields({ options, selection }: { options: BulkOptions; selection: CustomerSelection }) {
  return (
    <>
      <input type="hidden" name="list" value={options.list} />
      <input type="hidden" name="scope" value={selection.allMatching ? "matching" : "selected"} />
      <input type="hidden" name="customerIds" value={selection.allMatching ? "" : selection.chosen.join(",")} />
      <input type="hidden" name="filters" value={options.filters} />
      <input
        type="hidden"
        name="expected"
        value={selection.allMatching && options.matching !== null ? options.matching : ""}
      />
    </>
  );
}

/** What is selected, in words, with the way to widen it to every customer matching the filters. */
function SelectionSummary({ options, selection }: { options: BulkOptions; selection: CustomerSelection }) {
  const t = useTranslations("customers.bulk");
  const f = useFormat();
  const { matching } = options;
  const more = matching === null || matching > selection.pageCount;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="font-medium text-slate-800" aria-live="polite" data-testid="bulk-count">
        {selection.allMatching && matching !== null
          ? t("allMatchingSelected", { count: matching })
          : t("selected", { count: f.number(selection.chosen.length) })}
      </span>
      {selection.wholePage && !selection.allMatching && more ? (
        matching !== null && matching <= BULK_CUSTOMER_LIMIT ? (
          <button type="button" className={buttonClass("link")} onClick={selection.selectAllMatching}>
            {t("selectAllMatching", { count: f.number(matching) })}
          </button>
        ) : (
          <span className="text-slate-600">
            {t("tooManyToSelect", { count: f.number(matching ?? BULK_CUSTOMER_LIMIT) })}
          </span>
        )
      ) : null}
      <button type="button" className={buttonClass("link")} onClick={selection.clear}>
        {t("clear")}
      </button>
    </div>
  );
}

/**
 * The sticky bar above a customer list: the count selected and the bulk actions the member's
 * role allows. Each action is its own form posting to its server action, which checks the role,
 * the input and the selection again and changes every customer or none.
 */
export function BulkCustomerBar({ options, selection }: { options: BulkOptions; selection: CustomerSelection }) {
  const t = useTranslations("customers.bulk");
  const tl = useTranslations("labels");
  const [action, setAction] = useState<BulkAction>(options.actions[0]);
  const count = selection.allMatching && options.matching !== null ? options.matching : selection.chosen.length;
  const onSuccess = () => selection.clear();
  const owner = useActionForm(bulkChangeOwnerAction, {
    confirm: t("confirm.owner", { count }),
    onSuccess,
  });
  const milestone = useActionForm(bulkSetMilestoneAction, {
    confirm: t("confirm.milestone", { count }),
    onSuccess,
  });
  const playbook = useActionForm(bulkAddToPlaybookAction, {
    confirm: t("confirm.playbook", { count }),
    onSuccess,
  });
  const interaction = useActionForm(bulkLogInteractionAction, {
    confirm: t("confirm.interaction", { count }),
    prepare: withOccurredAt,
    requestKey: true,
    onSuccess,
  });
  const forms = { owner, milestone, playbook, interaction };
  const current = forms[action];
  const errors = fieldErrors(current.state);
  const selectionError = errors.customerIds?.[0] ?? errors.list?.[0];
  const formClass = "mt-3 flex flex-wrap items-end gap-3";
  const label = t(`formLabels.${action}`);

  return (
    <section
      aria-label={t("region")}
      className="sticky top-0 z-10 mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm shadow-sm"
    >
      {count === 0 ? (
        <p className="text-slate-600">{t("nothingSelected")}</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <SelectionSummary options={options} selection={selection} />
            <label className="flex items-center gap-2">
              <span className="font-medium text-slate-700">{t("action")}</span>
              <select
                value={action}
                onChange={(event) => setAction(event.target.value as BulkAction)}
                className={FILTER_CONTROL}
              >
                {options.actions.map((one) => (
                  <option key={one} value={one}>
                    {t(`actions.${one}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {action === "owner" ? (
            <form onSubmit={owner.onSubmit} aria-label={label} className={formClass} noValidate>
              <SelectionFields options={options} selection={selection} />
              <div className="min-w-56">
                <SelectField
                  name="ownerId"
                  id="bulk-owner"
                  label={t("newOwner")}
                  defaultValue="choose"
                  errors={errors.ownerId}
                >
                  <option value="choose" disabled>
                    {t("choose")}
                  </option>
                  <option value="">{t("nobody")}</option>
                  {options.members.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="mb-5">
                <SubmitButton pending={owner.pending} pendingText={t("changing")}>
                  {t("submitOwner", { count })}
                </SubmitButton>
              </div>
            </form>
          ) : null}
          {action === "milestone" ? (
            <form onSubmit={milestone.onSubmit} aria-label={label} className={formClass} noValidate>
              <SelectionFields options={options} selection={selection} />
              <div className="min-w-64">
                <SelectField
                  name="milestone"
                  id="bulk-milestone"
                  label={t("milestoneReached")}
                  defaultValue=""
                  errors={errors.milestone}
                >
                  <option value="" disabled>
                    {t("choose")}
                  </option>
                  {options.milestones.map((m) => (
                    <option key={m.number} value={m.number}>
                      {m.number} · {milestoneLabel(tl, m.number)}
                      {m.stage ? ` (${m.stage})` : ""}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="min-w-64 flex-1">
                <TextField
                  name="reason"
                  id="bulk-milestone-reason"
                  label={t("reason")}
                  maxLength={300}
                  placeholder={t("reasonPlaceholder")}
                  errors={errors.reason}
                />
              </div>
              <div className="mb-5">
                <SubmitButton pending={milestone.pending} pendingText={t("setting")}>
                  {t("submitMilestone", { count })}
                </SubmitButton>
              </div>
            </form>
          ) : null}
          {action === "playbook" ? (
            <form onSubmit={playbook.onSubmit} aria-label={label} className={formClass} noValidate>
              <SelectionFields options={options} selection={selection} />
              <div className="min-w-64">
                <SelectField
                  name="playbookId"
                  id="bulk-playbook"
                  label={t("playbook")}
                  defaultValue=""
                  errors={errors.playbookId}
                  hint={t("playbookHint")}
                >
                  <option value="" disabled>
                    {t("choose")}
                  </option>
                  {options.playbooks.map((one) => (
                    <option key={one.id} value={one.id}>
                      {one.active ? one.name : t("playbookOff", { name: one.name })}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="mb-5">
                <SubmitButton pending={playbook.pending} pendingText={t("adding")}>
                  {t("submitPlaybook", { count })}
                </SubmitButton>
              </div>
            </form>
          ) : null}
          {action === "interaction" ? (
            <form onSubmit={interaction.onSubmit} aria-label={label} className="mt-3 max-w-3xl" noValidate>
              <SelectionFields options={options} selection={selection} />
              <InteractionFields types={options.types} errors={errors} idPrefix="bulk-" />
              <SubmitButton pending={interaction.pending} pendingText={t("logging")}>
                {t("submitInteraction", { count })}
              </SubmitButton>
            </form>
          ) : null}
          {selectionError ? (
            <p role="alert" className="mt-2 text-sm font-medium text-red-700">
              {selectionError}
            </p>
          ) : null}
        </>
      )}
      <div className="mt-2">
        <FormMessage state={current.state} />
      </div>
    </section>
  );
}
