import { Link } from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { readDb } from "@/server/reads/read-db";
import { can, type SessionMember } from "@/lib/permissions";
import { getOutbox } from "@/server/outreach/queries";
import { mailTransport } from "@/server/outreach/mailer";
import { getSettings } from "@/server/settings/queries";
import { OutreachSettingsForm } from "./outreach-settings-form";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/server/i18n/format";

const STATUS_STYLE: Record<string, string> = {
  sent: "bg-emerald-100 text-emerald-800",
  outbox: "bg-slate-100 text-slate-700",
  failed: "bg-red-100 text-red-800",
};

/** Settings → Outbox: every email to a customer, sent through SMTP or kept here when none is configured. */
export async function OutboxList({ member, before }: { member: SessionMember; before?: number }) {
  const db = await readDb();
  const [{ messages, more }, { outreach, risk }, t, f] = await Promise.all([
    getOutbox(db, { before }),
    getSettings(db, ["outreach", "risk"]),
    getTranslations("outreach.outbox"),
    getFormat(),
  ]);
  const smtp = mailTransport() === "smtp";
  return (
    <div className="space-y-4">
      <Card title={t("rulesTitle")}>
        <p className="mb-3 max-w-prose text-sm text-slate-600">
          {t("rules", {
            contacts: risk.fatigueContacts,
            window: risk.fatigueWindowDays,
            quiet: outreach.quietDays,
          })}{" "}
          {smtp ? t("smtp") : t("noSmtp")}
        </p>
        {can(member.role, "settings.manage") ? <OutreachSettingsForm quietDays={outreach.quietDays} /> : null}
      </Card>
      {messages.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          <p>{t("empty")}</p>
        </EmptyState>
      ) : (
        <ul className="space-y-2" aria-label={t("emails")}>
          {messages.map((message) => (
            <li
              key={message.id}
              data-testid="outbox-message"
              className="rounded-md border border-slate-200 bg-white p-3"
            >
              <div className="flex flex-wrap items-baseline gap-2 text-sm">
                <span className={`rounded px-1.5 text-xs font-semibold ${STATUS_STYLE[message.status]}`}>
                  {t("status", { status: message.status })}
                </span>
                <span className="font-medium text-slate-900">{message.subject}</span>
                <span className="text-slate-600">
                  {t.rich("to", {
                    name: message.customerName,
                    email: `<${message.toEmail}>`,
                    customer: (chunks) => (
                      <Link href={`/customers/${message.customerId}`} className="text-brand-700 underline">
                        {chunks}
                      </Link>
                    ),
                  })}
                </span>
                <span className="ml-auto text-xs text-slate-500">
                  {f.dateTime(message.createdAt)} ·{" "}
                  {message.playbookName
                    ? t("byPlaybook", { name: message.playbookName })
                    : (message.senderName ?? t("system"))}
                </span>
              </div>
              {message.error ? <p className="mt-1 text-sm text-red-700">{message.error}</p> : null}
              <details className="mt-1 text-sm">
                <summary className="cursor-pointer text-slate-600">{t("message")}</summary>
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
          {t("older")}
        </Link>
      ) : null}
    </div>
  );
}
