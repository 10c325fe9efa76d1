import type { ReactNode } from "react";
import type { JourneyModelWithStages } from "@/server/journey/models";
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
  return (
    <FilterSelect label="Owner" name="owner" defaultValue={value}>
      <option value={everyone}>Everyone</option>
      <option value="mine">Mine</option>
      {owners.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </FilterSelect>
  );
}

export function StageFilter({ models, value }: { models: JourneyModelWithStages[]; value: string }) {
  return (
    <FilterSelect label="Stage" name="stage" defaultValue={value}>
      <option value="">Any stage</option>
      {models.map((m) => (
        <optgroup key={m.id} label={m.name}>
          {m.stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </optgroup>
      ))}
    </FilterSelect>
  );
}

export function PlanFilter({ value }: { value: string }) {
  return (
    <FilterSelect label="Plan" name="plan" defaultValue={value}>
      <option value="">Any plan</option>
      {PLANS.map((p) => (
        <option key={p} value={p}>
          {PLAN_LABELS[p]}
        </option>
      ))}
    </FilterSelect>
  );
}
