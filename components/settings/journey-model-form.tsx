"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveJourneyModelAction } from "@/server/journey/actions";
import { fieldErrors, FormMessage, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { buttonClass } from "@/components/ui/button";
import { modelName } from "@/lib/i18n/journey-labels";

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
  const t = useTranslations("settings");
  const tj = useTranslations("journey");
  // Shown in labels and captions in the reader's language; the name input keeps the stored name.
  const shownName = modelName(tj, { key: model.key ?? "", name: model.name });
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
      aria-label={model.id ? t("journeyModel.formLabel", { name: shownName }) : t("journeyModel.newFormLabel")}
      className="rounded-lg border border-slate-200 bg-white p-4"
      noValidate
    >
      {model.id ? <input type="hidden" name="modelId" value={model.id} /> : null}
      <div className="grid gap-x-4 sm:grid-cols-3">
        <TextField
          name="name"
          id={`${prefix}-name`}
          label={t("journeyModel.name")}
          defaultValue={model.name}
          errors={errors.name}
          disabled={!editable}
        />
        {model.id ? null : (
          <TextField
            name="key"
            id={`${prefix}-key`}
            label={t("journeyModel.key")}
            placeholder={t("journeyModel.keyPlaceholder")}
            errors={errors.key}
          />
        )}
        <SelectField
          name="shape"
          id={`${prefix}-shape`}
          label={t("journeyModel.shape")}
          defaultValue={model.shape}
          errors={errors.shape}
          disabled={!editable}
        >
          <option value="hourglass">{t("journeyModel.shapes.hourglass")}</option>
          <option value="funnel">{t("journeyModel.shapes.funnel")}</option>
          <option value="stages">{t("journeyModel.shapes.stages")}</option>
        </SelectField>
      </div>
      <label className="mb-3 flex items-center gap-2 text-sm">
        <input type="checkbox" name="isDefault" defaultChecked={model.isDefault} disabled={!editable} />{" "}
        {t("journeyModel.isDefault")}
      </label>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">
          {model.name ? t("journeyModel.caption", { name: shownName }) : t("journeyModel.captionNew")}
        </caption>
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th scope="col" className="py-1">
              {t("journeyModel.columns.stage")}
            </th>
            <th scope="col" className="w-28 py-1">
              {t("journeyModel.columns.from")}
            </th>
            <th scope="col" className="w-28 py-1">
              {t("journeyModel.columns.to")}
            </th>
            <th scope="col" className="w-28 py-1">
              {t("journeyModel.columns.target")}
            </th>
            <th scope="col" className="w-20 py-1">
              <span className="sr-only">{t("journeyModel.remove")}</span>
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
                      aria-label={t("journeyModel.cellLabel", { number: index + 1, field })}
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
                    {t("journeyModel.remove")}
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
            {t("journeyModel.addStage")}
          </button>
          <SubmitButton pending={pending} pendingText={t("journeyModel.saving")}>
            {model.id ? t("journeyModel.save") : t("journeyModel.add")}
          </SubmitButton>
          <FormMessage state={state} />
        </div>
      ) : null}
    </form>
  );
}
