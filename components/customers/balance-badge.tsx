import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";

export function BalanceBadge({ balance }: { balance: number }) {
  const t = useTranslations("customers.balance");
  const f = useFormat();
  const rounded = Math.round(balance * 10) / 10;
  const tone =
    rounded < -2
      ? "bg-red-100 text-red-800"
      : rounded < 0
        ? "bg-amber-100 text-amber-800"
        : rounded > 0
          ? "bg-emerald-100 text-emerald-800"
          : "bg-slate-100 text-slate-700";
  const label = f.signed(rounded);
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${tone}`}
      title={rounded < 0 ? t("inDebt") : t("inCredit")}
    >
      {label}
    </span>
  );
}
