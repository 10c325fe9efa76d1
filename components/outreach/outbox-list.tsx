import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { formatDateTime } from "@/lib/format";
import { can, type SessionMember } from "@/lib/permissions";
import { getOutbox } from "@/server/outreach/queries";
import { mailTransport } from "@/server/outreach/mailer";
import { getSettings } from "@/server/settings/queries";
import { OutreachSettingsForm } from "./outreach-settings-form";

const STATUS: Record<string, { label: string; style: string }> = {
  sent: { label: "Sent", style: "bg-emerald-100 text-emerald-800" },
  outbox: { label: "In the outbox", style: "bg-slate-100 text-slate-700" },
  failed: { label: "Failed", style: "bg-red-100 text-red-800" },
};

/** Settings → Outbox: every email to a customer, sent through SMTP or kept here when none is configured. */
export async function OutboxList({ member, before }: { member: SessionMember; before?: number }) {
  const db = await readDb();
  const [{ messages, more }, { outreach, risk }] = await Promise.all([
    getOutbox(db, { before }),
    getSettings(db, ["outreach", "risk"]),
  ]);
  const smtp = mailTransport() === "smtp";
  return (
    <div className="space-y-4">
      <Card title="Never over-contact">
        <p className="mb-3 max-w-prose text-sm text-slate-600">
          Hourglass refuses an email to a customer who is fatigued ({risk.fatigueContacts} contacts in{" "}
          {risk.fatigueWindowDays} days without a reply, Settings → Scoring) or was emailed less than{" "}
          {outreach.quietDays} days ago.{" "}
          {smtp
            ? "Emails go out through the SMTP server in SMTP_URL."
            : "No SMTP server is configured (SMTP_URL), so emails stay here in the outbox; they are still logged on the customer's timeline."}
        </p>
        {can(member.role, "settings.manage") ? <OutreachSettingsForm quietDays={outreach.quietDays} /> : null}
      </Card>
      {messages.length === 0 ? (
        <EmptyState title="No emails yet">
          <p>Emails sent from a customer&apos;s page or by a playbook&apos;s email step show here.</p>
        </EmptyState>
      ) : (
        <ul className="space-y-2" aria-label="Emails">
          {messages.map((message) => (
            <li
              key={message.id}
              data-testid="outbox-message"
              className="rounded-md border border-slate-200 bg-white p-3"
            >
              <div className="flex flex-wrap items-baseline gap-2 text-sm">
                <span className={`rounded px-1.5 text-xs font-semibold ${STATUS[message.status].style}`}>
                  {STATUS[message.status].label}
                </span>
                <span className="font-medium text-slate-900">{message.subject}</span>
                <span className="text-slate-600">
                  to{" "}
                  <Link href={`/customers/${message.customerId}`} className="text-brand-700 underline">
                    {message.customerName}
                  </Link>{" "}
                  &lt;{message.toEmail}&gt;
                </span>
                <span className="ml-auto text-xs text-slate-500">
                  {formatDateTime(message.createdAt)} ·{" "}
                  {message.playbookName ? `playbook ${message.playbookName}` : (message.senderName ?? "system")}
                </span>
              </div>
              {message.error ? <p className="mt-1 text-sm text-red-700">{message.error}</p> : null}
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-slate-600">Message</summary>
                <pre className="mt-1 whitespace-pre-wrap font-sans text-slate-800">{message.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {more ? (
        <Link
          href={`/settings/outbox?before=${messages[messages.length - 1].id}`}
          className="text-sm font-medium text-brand-700 underline"
        >
          Older emails
        </Link>
      ) : null}
    </div>
  );
}
