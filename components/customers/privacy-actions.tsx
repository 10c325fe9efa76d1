"use client";

import { fieldErrors, FormMessage, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";
import { eraseCustomerAction } from "@/server/customers/actions";

/** An admin's answer to a data subject's request: everything as JSON, or erasure. */
export function PrivacyActions({ customerId, name }: { customerId: number; name: string }) {
  const erase = useActionForm(eraseCustomerAction, {
    confirm: `Erase ${name}? Their interactions, delight, community activity, tasks and personal details are deleted for good. This cannot be undone.`,
  });
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div className="text-sm text-slate-700">
        <p className="mb-2">A copy of everything Hourglass stores about this customer (GDPR article 15).</p>
        <a href={`/customers/${customerId}/export`} download className="font-medium text-brand-700 underline">
          Export everything (JSON)
        </a>
      </div>
      <form onSubmit={erase.onSubmit} aria-label="Erase this customer" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="customerId" value={customerId} />
        <div className="min-w-48 flex-1">
          <TextField
            name="confirmName"
            id="erase-confirm-name"
            label={`Type “${name}” to erase them (GDPR article 17)`}
            autoComplete="off"
            errors={fieldErrors(erase.state).confirmName}
          />
        </div>
        <div className="mb-5 flex items-center gap-2">
          <SubmitButton variant="danger" pending={erase.pending} pendingText="Erasing…">
            Erase customer
          </SubmitButton>
          <FormMessage state={erase.state} />
        </div>
      </form>
    </div>
  );
}
