"use client";

import { useState } from "react";
import { saveJourneyModelAction } from "@/server/journey/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";

type Stage = { name: string; fromMilestone: number; toMilestone: number; targetDays: number };
type Model = {
  id?: number;
  key?: string;
  name: string;
  shape: "hourglass" | "funnel" | "stages";
  isDefault: boolean;
  stages: Stage[];
};

const cell = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-600";

/** One journey model: its name, how it is drawn, and its stages as editable rows. */
export function JourneyModelForm({ model, editable }: { model: Model; editable: boolean }) {
  const { state, pending, onSubmit } = useActionForm(saveJourneyModelAction);
  const errors = fieldErrors(state);
  const [rows, setRows] = useState(() => model.stages.map((stage, index) => ({ ...stage, rowId: index })));
  const [nextRowId, setNextRowId] = useState(model.stages.length);
  const prefix = model.id ? `model-${model.id}` : "new-model";
  const addRow = () => {
    const last = rows.at(-1);
    setRows([
      ...rows,
      {
        name: "",
        fromMilestone: Math.min(13, (last?.toMilestone ?? 0) + 1),
        toMilestone: 13,
        targetDays: 30,
        rowId: nextRowId,
      },
    ]);
    setNextRowId(nextRowId + 1);
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-label={model.id ? `Journey model ${model.name}` : "New journey model"}
      className="rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      {model.id ? <input type="hidden" name="modelId" value={model.id} /> : null}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField
          name="name"
          id={`${prefix}-name`}
          label="Name"
          defaultValue={model.name}
          errors={errors.name}
          disabled={!editable}
        />
        {model.id ? null : (
          <TextField
            name="key"
            id={`${prefix}-key`}
            label="Key (in the URL)"
            placeholder="e.g. flywheel"
            errors={errors.key}
          />
        )}
        <SelectField
          name="shape"
          id={`${prefix}-shape`}
          label="Drawn as"
          defaultValue={model.shape}
          errors={errors.shape}
          disabled={!editable}
        >
          <option value="hourglass">Hourglass</option>
          <option value="funnel">Funnel</option>
          <option value="stages">Stages (with credit and debt)</option>
        </SelectField>
      </div>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="isDefault" defaultChecked={model.isDefault} disabled={!editable} /> Default model
        (overview, risk and customer lists)
      </label>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Stages of {model.name || "the new model"}</caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1">
              Stage
            </th>
            <th scope="col" className="w-28 py-1">
              From milestone
            </th>
            <th scope="col" className="w-28 py-1">
              To milestone
            </th>
            <th scope="col" className="w-28 py-1">
              Target days
            </th>
            <th scope="col" className="w-20 py-1">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.rowId}>
              {(["name", "from", "to", "target"] as const).map((field) => {
                const fieldName = `stages.${index}.${field}`;
                const value =
                  field === "name"
                    ? row.name
                    : field === "from"
                      ? row.fromMilestone
                      : field === "to"
                        ? row.toMilestone
                        : row.targetDays;
                return (
                  <td key={field} className="py-1 pr-2">
                    <input
                      name={fieldName}
                      aria-label={`Stage ${index + 1} ${field === "name" ? "name" : field === "from" ? "from milestone" : field === "to" ? "to milestone" : "target days"}`}
                      defaultValue={value}
                      inputMode={field === "name" ? undefined : "numeric"}
                      aria-invalid={Boolean(errors[fieldName])}
                      title={errors[fieldName]?.[0]}
                      disabled={!editable}
                      className={cell}
                    />
                  </td>
                );
              })}
              <td className="py-1">
                {editable && rows.length > 1 ? (
                  <button
                    type="button"
                    onClick={() => setRows(rows.filter((r) => r.rowId !== row.rowId))}
                    className={buttonClass("link", "text-xs text-red-700")}
                  >
                    Remove
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div aria-live="polite" className="mt-2 space-y-1 text-sm text-red-700">
        {[
          ...(errors.stages ?? []),
          ...Object.entries(errors)
            .filter(([key]) => key.startsWith("stages."))
            .flatMap(([, messages]) => messages ?? []),
        ].map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      {editable ? (
        <div className="mt-3 flex items-center gap-3">
          <button type="button" onClick={addRow} className={buttonClass("secondary")}>
            Add a stage
          </button>
          <SubmitButton pending={pending} pendingText="Saving…">
            {model.id ? "Save model" : "Add model"}
          </SubmitButton>
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}
