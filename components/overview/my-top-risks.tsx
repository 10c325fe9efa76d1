import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { getRiskList } from "@/server/risk/queries";

export async function MyTopRisks({ memberId }: { memberId: number }) {
  const db = await readDb();
  const [{ rows }, t, f] = await Promise.all([
    getRiskList(db, { ownerId: memberId, sort: "risk", direction: "desc", page: 1, pageSize: 5 }),
    getTranslations("overview.topRisks"),
    getFormat(),
  ]);
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {t("none")}{" "}
        <Link href="/risk?owner=all" className="font-medium text-brand-700 underline">
          {t("seeWholeBook")}
        </Link>
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label={t("listLabel")}>
      {rows.map((row) => (
        <li key={row.id} className="flex items-center justify-between gap-3 py-2 text-sm">
          <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
            {row.name}
          </Link>
          <span className="flex items-center gap-3">
            <span className="tabular-nums text-slate-600">{f.money(row.mrrCents)}</span>
            <BalanceBadge balance={row.balance} />
            <span className="tabular-nums text-xs text-slate-500">
              {t("risk", { score: f.decimal(row.riskScore) })}
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
