"use client";

import {
  rotateWebhookSecretAction,
  savePreferencesAction,
  sendTestWebhookAction,
} from "@/server/notifications/actions";
import { FormMessage, fieldErrors, SelectField, SubmitButton, TextField } from "@/components/ui/form";
import { useActionForm } from "@/components/ui/use-action-form";

export type PreferencesView = {
  timeZone: string;
  digestEmail: boolean;
  inAppAlerts: boolean;
  webhookUrl: string | null;
  webhookSecret: string | null;
};

/** The member's own alerts: time zone for the 08:00 digest, email and bell, and a signed webhook. */
export function PreferencesForm({
  preferences,
  timeZones,
  smtp,
}: {
  preferences: PreferencesView;
  timeZones: string[];
  smtp: boolean;
}) {
  const save = useActionForm(savePreferencesAction);
  const rotate = useActionForm(rotateWebhookSecretAction, {
    confirm: "Make a new secret? Your receiver stops verifying until it has the new one.",
  });
  const test = useActionForm(sendTestWebhookAction);
  const errors = fieldErrors(save.state);
  return (
    <div className="space-y-4">
      <form
        onSubmit={save.onSubmit}
        aria-label="Notification settings"
        className="grid gap-3 md:grid-cols-2"
        noValidate
      >
        <SelectField
          id="time-zone"
          name="timeZone"
          label="Time zone"
          hint="Your digest arrives at 08:00 here."
          defaultValue={preferences.timeZone}
          errors={errors.timeZone}
        >
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </SelectField>
        <fieldset className="space-y-2 text-sm">
          <legend className="mb-1 font-medium text-slate-700">Daily digest and alerts</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="digestEmail" defaultChecked={preferences.digestEmail} /> Email me the digest
            {smtp ? "" : " (no SMTP server is configured yet)"}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="inAppAlerts" defaultChecked={preferences.inAppAlerts} /> Alerts and the digest
            in the bell
          </label>
        </fieldset>
        <div className="md:col-span-2">
          <TextField
            id="webhook-url"
            name="webhookUrl"
            type="url"
            label="Webhook URL (optional)"
            placeholder="https://hooks.slack.com/services/…"
            hint="Alerts and the digest are posted here as JSON with a Slack-compatible “text”, signed per Standard Webhooks."
            defaultValue={preferences.webhookUrl ?? ""}
            errors={errors.webhookUrl}
          />
        </div>
        <div className="flex items-center gap-3 md:col-span-2">
          <SubmitButton pending={save.pending} pendingText="Saving…">
            Save
          </SubmitButton>
          <FormMessage state={save.state} />
        </div>
      </form>
      {preferences.webhookUrl ? (
        <div className="space-y-2 rounded-md border border-slate-200 p-3 text-sm">
          <p>
            Signing secret (verify <code>webhook-signature</code> with it):{" "}
            <code className="break-all rounded bg-slate-100 px-1" data-testid="webhook-secret">
              {preferences.webhookSecret}
            </code>
          </p>
          <div className="flex flex-wrap items-center gap-3">
            <form onSubmit={test.onSubmit} aria-label="Send a test message">
              <SubmitButton variant="secondary" pending={test.pending} pendingText="Queuing…">
                Send a test message
              </SubmitButton>
            </form>
            <FormMessage state={test.state} />
            <form onSubmit={rotate.onSubmit} aria-label="Make a new signing secret">
              <SubmitButton variant="secondary" pending={rotate.pending} pendingText="Making…">
                New secret
              </SubmitButton>
            </form>
            <FormMessage state={rotate.state} />
          </div>
        </div>
      ) : null}
    </div>
  );
}
