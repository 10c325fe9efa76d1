"use client";

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { ActionResult } from "@/server/actions/execute";
import { buttonClass } from "./button";

// A disabled control looks read-only (grey, no shadow), not like a field one could type in.
const CONTROL =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm aria-[invalid=true]:border-red-600 disabled:cursor-not-allowed disabled:border-slate-200 disabled:bg-slate-100 disabled:text-slate-600 disabled:shadow-none";

type FieldProps = { name: string; label: string; errors?: string[]; hint?: string; id?: string };

function FieldShell({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
      <p id={`${id}-error`} aria-live="polite" className="min-h-4 text-sm text-red-700">
        {errors?.[0]}
      </p>
    </div>
  );
}

export function TextField({
  name,
  label,
  errors,
  hint,
  id = name,
  ...props
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <input
        id={id}
        name={name}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={`${id}-error`}
        className={CONTROL}
        {...props}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  name,
  label,
  errors,
  hint,
  id = name,
  ...props
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <textarea
        id={id}
        name={name}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={`${id}-error`}
        className={CONTROL}
        {...props}
      />
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  children,
  id = name,
  ...props
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <FieldShell id={id} label={label} errors={errors} hint={hint}>
      <select
        id={id}
        name={name}
        aria-invalid={Boolean(errors?.length)}
        aria-describedby={`${id}-error`}
        className={CONTROL}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}

export function SubmitButton({
  children,
  pendingText,
  pending,
  variant = "primary",
}: {
  children: ReactNode;
  pendingText: string;
  pending: boolean;
  variant?: "primary" | "danger" | "secondary";
}) {
  return (
    <button type="submit" disabled={pending} className={buttonClass(variant)}>
      {pending ? pendingText : children}
    </button>
  );
}

/** The form-level outcome: success in green, a refusal or failure in red, announced to screen readers. */
export function FormMessage({ state }: { state: ActionResult | null }) {
  if (!state) return <p role="status" aria-live="polite" className="sr-only" />;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      aria-live="polite"
      className={`text-sm font-medium ${state.ok ? "text-emerald-700" : "text-red-700"}`}
    >
      {state.message}
    </p>
  );
}

export function fieldErrors(state: ActionResult | null): Record<string, string[] | undefined> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}
