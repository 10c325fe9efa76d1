"use client";

import { useTranslations } from "next-intl";
import { markNotificationsReadAction } from "@/server/notifications/actions";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export function MarkReadButton() {
  const t = useTranslations("notifications.alerts");
  const form = useActionForm(markNotificationsReadAction);
  return (
    <form onSubmit={form.onSubmit} aria-label={t("markAllRead")} className="flex items-center gap-2">
      <SubmitButton variant="secondary" pending={form.pending} pendingText={t("marking")}>
        {t("markAllRead")}
      </SubmitButton>
      <FormMessage state={form.state} />
    </form>
  );
}
