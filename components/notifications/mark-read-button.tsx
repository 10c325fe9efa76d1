"use client";

import { markNotificationsReadAction } from "@/server/notifications/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export function MarkReadButton() {
  const form = useActionForm(markNotificationsReadAction);
  return (
    <form onSubmit={form.onSubmit} aria-label="Mark all as read" className="flex items-center gap-2">
      <SubmitButton variant="secondary" pending={form.pending} pendingText="Marking…">
        Mark all as read
      </SubmitButton>
      <FormMessage state={form.state} />
    </form>
  );
}
