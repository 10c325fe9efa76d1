"use client";

import { type FormEvent, useActionState, useEffect, useRef, useTransition } from "react";
import type { ActionResult } from "@/server/actions/execute";

type ServerAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/** 128 random bits as hex; crypto.randomUUID is missing on plain-HTTP pages that are not localhost. */
function newRequestKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Submits a form to a server action without React's automatic reset, so a refused form keeps
 * what the person typed next to the messages. `prepare` may adjust the data (dates to ISO), with
 * the form at hand for what FormData cannot tell (a date field holding an impossible date);
 * `optimistic` runs inside the same transition, for an entry shown before the server answers.
 * With `requestKey`, every attempt at one write carries the same key until it succeeds, so a
 * retry after a lost answer cannot save it twice. `submit` sends a form's fields to this action
 * from elsewhere (a second button that previews what the form would save). `onSuccess` runs with the
 * form once the server has saved it (a form that logs one thing after another clears itself there).
 */
export function useActionForm(
  action: ServerAction,
  {
    prepare = (formData) => formData,
    optimistic,
    requestKey = false,
    onSuccess,
    confirm,
  }: {
    prepare?: (formData: FormData, form: HTMLFormElement) => FormData;
    optimistic?: (formData: FormData) => void;
    requestKey?: boolean;
    onSuccess?: (form: HTMLFormElement) => void;
    /** Asked before a write that is hard to take back (deactivate, revoke, churn, delete); cancel sends nothing. */
    confirm?: string;
  } = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const [, startTransition] = useTransition();
  const pendingKey = useRef<string | null>(null);
  const submitted = useRef<HTMLFormElement | null>(null);
  const successRef = useRef(onSuccess);
  useEffect(() => {
    successRef.current = onSuccess;
  });
  useEffect(() => {
    if (!state?.ok) return;
    pendingKey.current = null;
    if (submitted.current) successRef.current?.(submitted.current);
  }, [state]);
  function submit(form: HTMLFormElement) {
    submitted.current = form;
    const formData = prepare(new FormData(form), form);
    if (requestKey) {
      pendingKey.current ??= newRequestKey();
      formData.set("requestKey", pendingKey.current);
    }
    startTransition(() => {
      optimistic?.(formData);
      dispatch(formData);
    });
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !window.confirm(confirm)) return;
    submit(event.currentTarget);
  }
  return { state, pending, onSubmit, submit };
}
