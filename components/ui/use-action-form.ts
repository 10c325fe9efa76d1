"use client";

import { type FormEvent, useActionState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/execute";

type ServerAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * Submits a form to a server action without React's automatic reset, so a refused form keeps
 * what the person typed next to the messages. `prepare` may adjust the data (dates to ISO);
 * `optimistic` runs inside the same transition, for an entry shown before the server answers.
 */
export function useActionForm(
  action: ServerAction,
  { prepare = (formData) => formData, optimistic }: { prepare?: (formData: FormData) => FormData; optimistic?: (formData: FormData) => void } = {},
) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(action, null);
  const [, startTransition] = useTransition();
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = prepare(new FormData(event.currentTarget));
    startTransition(() => {
      optimistic?.(formData);
      dispatch(formData);
    });
  }
  return { state, pending, onSubmit };
}
