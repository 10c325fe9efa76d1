import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
import { Link } from "@/components/ui/link";

/** `more` says the total was counted only this far and there are more after it. */
export function Pagination({
  page,
  pageSize,
  total,
  more = false,
  hrefFor,
  counted: countedPhrase,
}: {
  page: number;
  pageSize: number;
  total: number;
  more?: boolean;
  hrefFor: (page: number) => string;
  /**
   * The total with what is counted, from the caller's own ICU plural message: "1 entry", "21 entries",
   * "1,000+ customers". `count` picks the plural form; `number` is the total as shown (formatted, with
   * "+" when it is only a floor), e.g. `(count, number) => t("counted", { count, number })` with
   * `{count, plural, one {{number} entry} other {{number} entries}}`.
   */
  counted: (count: number, number: string) => string;
}) {
  const t = useTranslations("common.pagination");
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const counted = countedPhrase(total, `${f.number(total)}${more ? "+" : ""}`);
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  if (from > total && total > 0)
    return (
      <nav aria-label={t("label")} className="mt-4 text-sm text-slate-600">
        <p>
          {t("pastEnd", { page: f.number(page), total, counted })}{" "}
          <Link href={hrefFor(pages)} className="font-medium text-brand-700 underline">
            {t("goToPage", { page: f.number(pages) })}
          </Link>
        </p>
      </nav>
    );
  return (
    <nav
      aria-label={t("label")}
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600"
    >
      <p>
        {from === to
          ? t("shownOne", { from: f.number(from), counted })
          : t("shownRange", { from: f.number(from), to: f.number(to), counted })}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        <span>{t("pageOf", { page: f.number(page), pages: `${f.number(pages)}${more ? "+" : ""}` })}</span>
        {page < pages || more ? (
          <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
