"use client";

import { useTranslations } from "next-intl";
import {
  rotateWebhookSecretAction,
  savePreferencesAction,
  sendTestWebhookAction,
} from "@/server/notifications/actions";
import { FormMessage, fieldErrors, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export type PreferencesView = {
  digestEmail: boolean;
  inAppAlerts: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
};

/** The member's own alerts: the 08:00 digest (in their time zone, Settings → Your account), the bell, a signed webhook. */
export function PreferencesForm({ preferences, smtp }: { preferences: PreferencesView; smtp: boolean }) {
  const t = useTranslations("notifications.preferences");
  const save = useActionForm(savePreferencesAction);
  const rotate = useActionForm(rotateWebhookSecretAction, { confirm: t("newSecretConfirm") });
  const test = useActionForm(sendTestWebhookAction);
  const errors = fieldErrors(save.state);
  return (
    <div className="space-y-4">
      <form onSubmit={save.onSubmit} aria-label={t("formLabel")} className="grid gap-3 md:grid-cols-2" noValidate>
        <fieldset className="space-y-2 text-sm md:col-span-2">
          <legend className="mb-1 font-medium text-slate-700">{t("digestLegend")}</legend>
          <p className="text-slate-600">{t("timeZoneHint")}</p>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="digestEmail" defaultChecked={preferences.digestEmail} />{" "}
            {smtp ? t("digestEmail") : t("digestEmailNoSmtp")}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="inAppAlerts" defaultChecked={preferences.inAppAlerts} /> {t("inAppAlerts")}
          </label>
        </fieldset>
        <div className="md:col-span-2">
          <TextField
            id="webhook-url"
            name="webhookUrl"
            type="url"
            label={t("webhookUrl")}
            placeholder={t("webhookUrlPlaceholder")}
            hint={t("webhookUrlHint")}
            defaultValue={preferences.webhookUrl ?? ""}
            errors={errors.webhookUrl}
          />
        </div>
        <div className="flex items-center gap-3 md:col-span-2">
          <SubmitButton pending={save.pending} pendingText={t("saving")}>
            {t("save")}
          </SubmitButton>
          <FormMessage state={save.state} />
        </div>
      </form>
      {preferences.webhookUrl ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
          <p>
            {t.rich("signingSecret", { code: (chunks) => <code>{chunks}</code> })}{" "}
            <code className="break-all rounded bg-slate-100 px-1" data-testid="webhook-secret">
              {preferences.webhookSecret}
            </code>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <form onSubmit={test.onSubmit} aria-label={t("sendTest")}>
              <SubmitButton variant="secondary" pending={test.pending} pendingText={t("queuing")}>
                {t("sendTest")}
              </SubmitButton>
            </form>
            <FormMessage state={test.state} />
            <form onSubmit={rotate.onSubmit} aria-label={t("newSecretLabel")}>
              <SubmitButton variant="secondary" pending={rotate.pending} pendingText={t("making")}>
                {t("newSecret")}
              </SubmitButton>
            </form>
            <FormMessage state={rotate.state} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
