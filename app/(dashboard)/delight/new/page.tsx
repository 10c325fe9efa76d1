import { readDb } from "@/server/reads/read-db";
import { notFound } from "next/navigation";
import { DelightForm } from "@/components/delight/delight-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getCustomer } from "@/server/customers/queries";
import { getDebitForDelight, getOpenDebits } from "@/server/delight/queries";
import { safeReturnPath } from "@/lib/return-path";
import { listInteractionTypes } from "@/server/ledger/interaction-types";
import { requirePageMember } from "@/server/auth/session";
import { formatDate } from "@/lib/format";
import { first, idParam, param, type SearchParams } from "@/lib/search-params";

export const metadata = { title: "Log a delight moment" };

export default async function NewDelightPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = await readDb();
  await requirePageMember("delight.write");
  const params = await searchParams;
  const promptId = param(params, "prompt", idParam("bigint").optional(), undefined);
  const customerId = param(params, "customer", idParam().optional(), undefined);
  const back = safeReturnPath(first(params, "back"));
  const delightWeight = (await listInteractionTypes(db)).find((t) => t.key === "delight_moment")?.weight ?? 3;
  if (promptId) {
    const debit = await getDebitForDelight(db, { interactionId: promptId });
    if (!debit) notFound();
    if (debit.answered) {
      return (
        <EmptyState title="Already answered">
          <p>A delight moment already answers this {debit.label.toLowerCase()}.</p>
        </EmptyState>
      );
    }
    return (
      <>
        <PageHeader
          title="Answer with a delight moment"
          description={`${debit.label}: ${debit.summary || "no summary"}`}
        />
        <DelightForm
          customerId={debit.customerId}
          customerName={debit.customerName}
          defaultWeight={delightWeight}
          returnTo={back ?? "/delight"}
          prompt={{ id: debit.id, text: `${debit.label}: ${debit.summary}`.slice(0, 300), channel: debit.channel }}
        />
      </>
    );
  }
  const row = customerId ? await getCustomer(db, { id: customerId }) : undefined;
  if (!row) notFound();
  const openDebits = await getOpenDebits(db, { customerId: row.customer.id });
  return (
    <>
      <PageHeader title="Log a delight moment" />
      <DelightForm
        customerId={row.customer.id}
        customerName={row.customer.name}
        defaultWeight={delightWeight}
        returnTo={back ?? `/customers/${row.customer.id}`}
        openDebits={openDebits.map((debit) => ({
          id: debit.id,
          text: `${debit.label}: ${debit.summary}`.slice(0, 300),
          channel: debit.channel,
          label: `${debit.label} — ${debit.summary || "no summary"} (${formatDate(debit.occurredAt)})`,
        }))}
      />
    </>
  );
}
