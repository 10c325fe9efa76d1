import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { formatDateTime } from "@/lib/format";
import type { SessionMember } from "@/lib/permissions";
import { mailTransport } from "@/server/outreach/mailer";
import { getPreferences } from "@/server/notifications/preferences";
import { getNotifications, getWebhookDeliveries } from "@/server/notifications/queries";
import { MarkReadButton } from "./mark-read-button";
import { PreferencesForm } from "./preferences-form";

/** Settings → Notifications: the member's alerts, their preferences and their webhook's delivery log. */
export async function NotificationsPanel({ member }: { member: SessionMember }) {
  const db = await readDb();
  const [preferences, alerts, deliveries] = await Promise.all([
    getPreferences(db, { memberId: member.id }),
    getNotifications(db, { memberId: member.id }),
    getWebhookDeliveries(db, { memberId: member.id }),
  ]);
  const timeZones = Intl.supportedValuesOf("timeZone");
  if (!timeZones.includes(preferences.timeZone)) timeZones.unshift(preferences.timeZone);
  return (
    <div className="space-y-6">
      <Card title="Alerts" action={alerts.some((alert) => !alert.readAt) ? <MarkReadButton /> : null}>
        <div id="alerts">
          {alerts.length === 0 ? (
            <p className="text-sm text-slate-600">
              No alerts yet. New tasks for you and your daily digest (at 08:00 your time) show here.
            </p>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Your alerts">
              {alerts.map((alert) => (
                <li key={alert.id} className="py-2 text-sm" data-testid="alert">
                  <div className="flex flex-wrap items-baseline gap-2">
                    {alert.readAt ? null : (
                      <span className="rounded bg-brand-100 px-1.5 text-xs font-semibold text-brand-900">new</span>
                    )}
                    {alert.href ? (
                      <Link href={alert.href} className="font-medium text-brand-700 hover:underline">
                        {alert.title}
                      </Link>
                    ) : (
                      <span className="font-medium">{alert.title}</span>
                    )}
                    <span className="ml-auto text-xs text-slate-500">{formatDateTime(alert.createdAt)}</span>
                  </div>
                  {alert.body && !alert.body.includes("\n") ? (
                    <p className="mt-0.5 text-slate-600">{alert.body}</p>
                  ) : alert.body ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-slate-600">Details</summary>
                      <pre className="mt-1 whitespace-pre-wrap font-sans text-slate-700">{alert.body}</pre>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      <Card title="How you hear about things">
        <PreferencesForm preferences={preferences} timeZones={timeZones} smtp={mailTransport() === "smtp"} />
      </Card>
      {preferences.webhookUrl || deliveries.length > 0 ? (
        <Card title="Webhook deliveries">
          {deliveries.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing posted yet.</p>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Every attempt to post to your webhook, newest first</caption>
              <thead className="text-xs uppercase text-slate-600">
                <tr>
                  <th scope="col" className="py-1">
                    When
                  </th>
                  <th scope="col">Message</th>
                  <th scope="col">Attempt</th>
                  <th scope="col">Answer</th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => (
                  <tr key={delivery.id} className="border-t border-slate-100" data-testid="webhook-delivery">
                    <td className="py-1">{formatDateTime(delivery.at)}</td>
                    <td>
                      <code>{delivery.messageId}</code> {(delivery.payload as { type?: string }).type}
                    </td>
                    <td>{delivery.attempt}</td>
                    <td className={delivery.error ? "text-red-700" : "text-emerald-700"}>
                      {delivery.statusCode ?? "—"} {delivery.error ?? "delivered"}
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
