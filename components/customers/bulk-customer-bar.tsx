"use client";

import { useState } from "react";
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
import { countOf, formatNumber } from "@/lib/format";
import { BULK_CUSTOMER_LIMIT, type BulkList } from "@/lib/bulk-customers";
import type { CustomerSelection } from "./use-customer-selection";

export const BULK_ACTIONS = ["owner", "milestone", "playbook", "interaction"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

const ACTION_LABELS: Record<BulkAction, string> = {
  owner: "Change owner",
  milestone: "Set milestone",
  playbook: "Add to a playbook",
  interaction: "Log an interaction",
};

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
  /** The 13 milestones with the default journey model's stage each falls in. */
  milestones: { number: number; label: string; stage: string | null }[];
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
  const { matching } = options;
  const more = matching === null || matching > selection.pageCount;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <span className="font-medium text-slate-800" aria-live="polite" data-testid="bulk-count">
        {selection.allMatching && matching !== null
          ? `All ${countOf(matching, "customer")} matching the filters selected`
          : `${formatNumber(selection.chosen.length)} selected`}
      </span>
      {selection.wholePage && !selection.allMatching && more ? (
        matching !== null && matching <= BULK_CUSTOMER_LIMIT ? (
          <button type="button" className={buttonClass("link")} onClick={selection.selectAllMatching}>
            Select all {formatNumber(matching)} matching the filters
          </button>
        ) : (
          <span className="text-slate-600">
            More than {formatNumber(matching ?? BULK_CUSTOMER_LIMIT)} match: narrow the filters to act on all of them.
          </span>
        )
      ) : null}
      <button type="button" className={buttonClass("link")} onClick={selection.clear}>
        Clear selection
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
  const [action, setAction] = useState<BulkAction>(options.actions[0]);
  const count = selection.allMatching && options.matching !== null ? options.matching : selection.chosen.length;
  const customers = countOf(count, "customer");
  const onSuccess = () => selection.clear();
  const owner = useActionForm(bulkChangeOwnerAction, {
    confirm: `Change the owner of ${customers}?`,
    onSuccess,
  });
  const milestone = useActionForm(bulkSetMilestoneAction, {
    confirm: `Set the milestone of ${customers}? Each move is recorded in their history.`,
    onSuccess,
  });
  const playbook = useActionForm(bulkAddToPlaybookAction, {
    confirm: `Add ${customers} to the playbook? Each gets its task, and its email if the playbook sends one.`,
    onSuccess,
  });
  const interaction = useActionForm(bulkLogInteractionAction, {
    confirm: `Log this interaction on ${customers}? It counts in each one's balance and risk.`,
    prepare: withOccurredAt,
    requestKey: true,
    onSuccess,
  });
  const forms = { owner, milestone, playbook, interaction };
  const current = forms[action];
  const errors = fieldErrors(current.state);
  const selectionError = errors.customerIds?.[0] ?? errors.list?.[0];
  const formClass = "mt-3 flex flex-wrap items-end gap-3";
  const label = `${ACTION_LABELS[action]} for the selected customers`;

  return (
    <section
      aria-label="Bulk actions on the selected customers"
      className="sticky top-0 z-10 mb-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm shadow-sm"
    >
      {count === 0 ? (
        <p className="text-slate-600">Tick customers (or the header box for the whole page) to act on them together.</p>
      ) : (
        <>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <SelectionSummary options={options} selection={selection} />
            <label className="flex items-center gap-2">
              <span className="font-medium text-slate-700">Action</span>
              <select
                value={action}
                onChange={(event) => setAction(event.target.value as BulkAction)}
                className={FILTER_CONTROL}
              >
                {options.actions.map((one) => (
                  <option key={one} value={one}>
                    {ACTION_LABELS[one]}
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
                  label="New owner"
                  defaultValue="choose"
                  errors={errors.ownerId}
                >
                  <option value="choose" disabled>
                    Choose…
                  </option>
                  <option value="">Nobody</option>
                  {options.members.map((member) => (
                    <option key={member.id} value={member.id}>
                      {member.name}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="mb-5">
                <SubmitButton pending={owner.pending} pendingText="Changing…">
                  Change owner of {customers}
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
                  label="Milestone reached"
                  defaultValue=""
                  errors={errors.milestone}
                >
                  <option value="" disabled>
                    Choose…
                  </option>
                  {options.milestones.map((m) => (
                    <option key={m.number} value={m.number}>
                      {m.number} · {m.label}
                      {m.stage ? ` (${m.stage})` : ""}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="min-w-64 flex-1">
                <TextField
                  name="reason"
                  id="bulk-milestone-reason"
                  label="Reason"
                  maxLength={300}
                  placeholder="e.g. attended the onboarding webinar"
                  errors={errors.reason}
                />
              </div>
              <div className="mb-5">
                <SubmitButton pending={milestone.pending} pendingText="Setting…">
                  Set milestone on {customers}
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
                  label="Playbook"
                  defaultValue=""
                  errors={errors.playbookId}
                  hint="Each customer gets the playbook's task; one who has it open already is skipped."
                >
                  <option value="" disabled>
                    Choose…
                  </option>
                  {options.playbooks.map((one) => (
                    <option key={one.id} value={one.id}>
                      {one.name}
                      {one.active ? "" : " (switched off)"}
                    </option>
                  ))}
                </SelectField>
              </div>
              <div className="mb-5">
                <SubmitButton pending={playbook.pending} pendingText="Adding…">
                  Add {customers} to the playbook
                </SubmitButton>
              </div>
            </form>
          ) : null}
          {action === "interaction" ? (
            <form onSubmit={interaction.onSubmit} aria-label={label} className="mt-3 max-w-3xl" noValidate>
              <SelectionFields options={options} selection={selection} />
              <InteractionFields types={options.types} errors={errors} idPrefix="bulk-" />
              <SubmitButton pending={interaction.pending} pendingText="Logging…">
                Log on {customers}
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
