import { Link } from "@/components/ui/link";
import { BalanceBadge } from "@/components/customers/balance-badge";
import { readDb } from "@/server/reads/read-db";
import { formatCents, formatDecimal } from "@/lib/format";
import { getRiskList } from "@/server/risk/queries";

export async function MyTopRisks({ memberId }: { memberId: number }) {
  const db = await readDb();
  const { rows } = await getRiskList(db, { ownerId: memberId, sort: "risk", direction: "desc", page: 1, pageSize: 5 });
  if (rows.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        None of your customers is at risk.{" "}
        <Link href="/risk?owner=all" className="font-medium text-brand-700 underline">
          See the whole book
        </Link>
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100" aria-label="Your customers at risk">
      {rows.map((row) => (
        <li key={row.id} className="flex items-center justify-between gap-3 py-2 text-sm">
          <Link href={`/customers/${row.id}`} className="font-medium text-brand-700 hover:underline">
            {row.name}
          </Link>
          <span className="flex items-center gap-3">
            <span className="tabular-nums text-slate-600">{formatCents(row.mrrCents)}</span>
            <BalanceBadge balance={row.balance} />
            <span className="tabular-nums text-xs text-slate-500">risk {formatDecimal(row.riskScore)}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
