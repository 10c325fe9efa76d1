import { Link } from "@/components/ui/link";
import { formatNumber } from "@/lib/format";

/** `more` says the total was counted only this far and there are more after it. */
export function Pagination({
  page,
  pageSize,
  total,
  more = false,
  hrefFor,
  noun,
}: {
  page: number;
  pageSize: number;
  total: number;
  more?: boolean;
  hrefFor: (page: number) => string;
  /** What is counted, in the singular and the plural: "1 entry", "21 entries". */
  noun: { one: string; many: string };
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const counted = `${formatNumber(total)}${more ? "+" : ""} ${total === 1 && !more ? noun.one : noun.many}`;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100";
  if (from > total && total > 0)
    return (
      <nav aria-label="Pages" className="mt-4 text-sm text-slate-600">
        <p>
          Page {formatNumber(page)} is past the end: there {total === 1 ? "is" : "are"} {counted}.{" "}
          <Link href={hrefFor(pages)} className="font-medium text-brand-700 underline">
            Go to page {formatNumber(pages)}
          </Link>
        </p>
      </nav>
    );
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
      <p>
        {from === to ? formatNumber(from) : `${formatNumber(from)}–${formatNumber(to)}`} of {counted}
      </p>
      <div className="flex items-center gap-2">
        {page > 1 ? (
          <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">
            ← Previous
          </Link>
        ) : null}
        <span>
          Page {formatNumber(page)} of {formatNumber(pages)}
          {more ? "+" : ""}
        </span>
        {page < pages || more ? (
          <Link href={hrefFor(page + 1)} className={linkClass} rel="next">
            Next →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
