import { Link } from "@/components/ui/link";
import { readDb } from "@/server/reads/read-db";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { DelightForm } from "@/components/delight/delight-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getCustomer } from "@/server/customers/queries";
import { getDebitForDelight, getOpenDebits } from "@/server/delight/queries";
import { safeReturnPath } from "@/lib/return-path";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { requirePageMember } from "@/server/auth/session";
import { getFormat } from "@/server/i18n/format";
import { interactionTypeLabel } from "@/lib/i18n/labels";
import { first, idParam, param, type SearchParams } from "@/lib/search-params";

export async function generateMetadata() {
  const t = await getTranslations("delight");
  return { title: t("new.title") };
}

export default async function NewDelightPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  await requirePageMember("delight.write");
  const [params, t, tl, f] = await Promise.all([
    searchParams,
    getTranslations("delight"),
    getTranslations("labels"),
    getFormat(),
  ]);
  const promptId = param(params, "prompt", idParam("bigint").optional(), undefined);
  const customerId = param(params, "customer", idParam().optional(), undefined);
  const back = safeReturnPath(first(params, "back"));
  const delightWeight = (await listInteractionTypes(db)).find((t) => t.key === "delight_moment")?.weight ?? 3;
  const labelOf = (debit: { typeKey: string; label: string }) =>
    interactionTypeLabel(tl, { key: debit.typeKey, label: debit.label });
  if (promptId) {
    const debit = await getDebitForDelight(db, { interactionId: promptId });
    if (!debit) notFound();
    const label = labelOf(debit);
    if (debit.answered) {
      return (
        <EmptyState title={t("new.alreadyAnswered")}>
          <p>{t("new.alreadyAnsweredText", { debit: label })}</p>
        </EmptyState>
      );
    }
    return (
      <>
        <PageHeader
          title={t("new.answerTitle")}
          description={t("new.debitLine", { label, summary: debit.summary || t("new.noSummary") })}
        />
        <DelightForm
          customerId={debit.customerId}
          customerName={debit.customerName}
          defaultWeight={delightWeight}
          returnTo={back ?? "/delight"}
          prompt={{
            id: debit.id,
            text: t("new.debitLine", { label, summary: debit.summary }).slice(0, 300),
            channel: debit.channel,
          }}
        />
      </>
    );
  }
  if (!customerId) {
    return (
      <>
        <PageHeader title={t("new.title")} />
        <EmptyState title={t("new.chooseTitle")}>
          <p>
            {t.rich("new.choose", {
              queue: (chunks) => (
                <Link href="/delight" className="font-medium text-brand-700 underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        </EmptyState>
      </>
    );
  }
  const row = await getCustomer(db, { id: customerId });
  if (!row) notFound();
  const openDebits = await getOpenDebits(db, { customerId: row.customer.id });
  return (
    <>
      <PageHeader title={t("new.title")} />
      <DelightForm
        customerId={row.customer.id}
        customerName={row.customer.name}
        defaultWeight={delightWeight}
        returnTo={back ?? `/customers/${row.customer.id}`}
        openDebits={openDebits.map((debit) => ({
          id: debit.id,
          text: t("new.debitLine", { label: labelOf(debit), summary: debit.summary }).slice(0, 300),
          channel: debit.channel,
          label: t("new.openDebit", {
            label: labelOf(debit),
            summary: debit.summary || t("new.noSummary"),
            date: f.date(debit.occurredAt),
          }),
        }))}
      />
    </>
  );
}
