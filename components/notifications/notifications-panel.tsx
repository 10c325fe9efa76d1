import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import type { SessionMember } from "@/lib/permissions";
import { getFormat } from "@/server/i18n/format";
import { mailTransport } from "@/server/outreach/mailer";
import { getPreferences } from "@/server/notifications/preferences";
import { getNotifications, getWebhookDeliveries } from "@/server/notifications/queries";
import { WEBHOOK_ERRORS } from "@/server/notifications/webhooks";
import { MarkReadButton } from "./mark-read-button";
import { PreferencesForm } from "./preferences-form";

/** Settings → Notifications: the member's alerts, their preferences and their webhook's delivery log. */
export async function NotificationsPanel({ member }: { member: SessionMember }) {
  const db = await readDb();
  const [preferences, alerts, deliveries, t, f] = await Promise.all([
    getPreferences(db, { memberId: member.id }),
    getNotifications(db, { memberId: member.id }),
    getWebhookDeliveries(db, { memberId: member.id }),
    getTranslations("notifications"),
    getFormat(),
  ]);
  // The delivery log keeps its answers as logged; the two sentences of ours read in the member's language.
  const deliveryError = (error: string) =>
    error === WEBHOOK_ERRORS.timeout
      ? t("webhooks.timeout")
      : error === WEBHOOK_ERRORS.unreachable
        ? t("webhooks.unreachable")
        : error;
  return (
    <div className="space-y-6">
      <Card title={t("alerts.title")} action={alerts.some((alert) => !alert.readAt) ? <MarkReadButton /> : null}>
        <div id="alerts">
          {alerts.length === 0 ? (
            <p className="text-sm text-slate-600">{t("alerts.empty")}</p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={t("alerts.list")}>
              {alerts.map((alert) => (
                <li key={alert.id} className="py-2 text-sm" data-testid="alert">
                  <div className="flex flex-wrap items-baseline gap-2">
                    {alert.readAt ? null : (
                      <span className="rounded bg-brand-100 px-1.5 text-xs font-semibold text-brand-900">
                        {t("alerts.new")}
                      </span>
                    )}
                    {alert.href ? (
                      <Link href={alert.href} className="font-medium text-brand-700 hover:underline">
                        {alert.title}
                      </Link>
                    ) : (
                      <span className="font-medium">{alert.title}</span>
                    )}
                    <span className="ml-auto text-xs text-slate-500">{f.dateTime(alert.createdAt)}</span>
                  </div>
                  {alert.body && !alert.body.includes("\n") ? (
                    <p className="mt-0.5 text-slate-600">{alert.body}</p>
                  ) : alert.body ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-slate-600">{t("alerts.details")}</summary>
                      <pre className="mt-1 whitespace-pre-wrap font-sans text-slate-700">{alert.body}</pre>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      <Card title={t("preferences.title")}>
        <PreferencesForm preferences={preferences} smtp={mailTransport() === "smtp"} />
      </Card>
      {preferences.webhookUrl || deliveries.length > 0 ? (
        <Card title={t("webhooks.title")}>
          {deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">{t("webhooks.empty")}</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("webhooks.caption")}</caption>
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="py-1">
                    {t("webhooks.when")}
                  </th>
                  <th scope="col">{t("webhooks.message")}</th>
                  <th scope="col">{t("webhooks.attempt")}</th>
                  <th scope="col">{t("webhooks.answer")}</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} className="border-t border-slate-100" data-testid="webhook-delivery">
                    <td className="py-1">{f.dateTime(delivery.at)}</td>
                    <td>
                      <code>{delivery.messageId}</code> {(delivery.payload as { type?: string }).type}
                    </td>
                    <td>{f.number(delivery.attempt)}</td>
                    <td className={delivery.error ? "text-red-700" : "text-emerald-700"}>
                      {delivery.statusCode ?? "—"}{" "}
                      {delivery.error ? deliveryError(delivery.error) : t("webhooks.delivered")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      ) : null}
    </div>
  );
}
