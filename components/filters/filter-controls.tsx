import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { JourneyModelWithStages } from "@/server/journey/models";
import { modelName, stageName } from "@/lib/i18n/journey-labels";
import { PLAN_LABELS, PLANS } from "@/lib/plans";

export const FILTER_CONTROL = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm";

/** A labelled select for the GET filter forms (the values end up in the URL). */
export function FilterSelect({
  label,
  name,
  defaultValue,
  children,
}: {
  label: string;
  name: string;
  defaultValue: string;
  children: ReactNode;
}) {
  return (
    <label className="flex flex-col text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={defaultValue} className={FILTER_CONTROL}>
        {children}
      </select>
    </label>
  );
}

export function OwnerFilter({
  owners,
  value,
  everyone = "",
}: {
  owners: { id: number; name: string }[];
  value: string;
  everyone?: string;
}) {
  const t = useTranslations("common.filters");
  return (
    <FilterSelect label={t("owner")} name="owner" defaultValue={value}>
      <option value={everyone}>{t("everyone")}</option>
      <option value="mine">{t("mine")}</option>
      {owners.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </FilterSelect>
  );
}

export function StageFilter({ models, value }: { models: JourneyModelWithStages[]; value: string }) {
  const t = useTranslations("common.filters");
  const tj = useTranslations("journey");
  return (
    <FilterSelect label={t("stage")} name="stage" defaultValue={value}>
      <option value="">{t("anyStage")}</option>
      {models.map((m) => (
        <optgroup key={m.id} label={modelName(tj, m)}>
          {m.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {stageName(tj, m, s)}
            </option>
          ))}
        </optgroup>
      ))}
    </FilterSelect>
  );
}

export function PlanFilter({ value }: { value: string }) {
  const t = useTranslations("common.filters");
  return (
    <FilterSelect label={t("plan")} name="plan" defaultValue={value}>
      <option value="">{t("anyPlan")}</option>
      {PLANS.map((p) => (
        <option key={p} value={p}>
          {PLAN_LABELS[p]}
        </option>
      ))}
    </FilterSelect>
  );
}
