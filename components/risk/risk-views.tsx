import { Link } from "@/components/ui/link";
import { chipClass } from "@/components/ui/button";
import { type SearchParams, withParams } from "@/lib/search-params";
import { formatDate } from "@/lib/format";
import type { RiskView } from "@/lib/risk";
import type { ShadowSummary } from "@/server/scoring/shadow";

/** At risk (score at or above the threshold) or the watch list (a score below it): one meaning everywhere. */
export function RiskViews({
  params,
  view,
  threshold,
  version,
  versionHref,
  shadow,
}: {
  params: SearchParams;
  view: RiskView;
  threshold: number;
  version: number;
  /** Settings → Scoring for those who may open it, else how the score is computed. */
  versionHref: string;
  shadow: ShadowSummary | null;
}) {
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <nav aria-label="Which customers" className="flex gap-2">
        <Link
          href={withParams("/risk", params, { view: undefined, page: undefined })}
          aria-current={view === "at-risk" ? "page" : undefined}
          className={chipClass(view === "at-risk")}
        >
          At risk (score {threshold} or more)
        </Link>
        <Link
          href={withParams("/risk", params, { view: "watch", page: undefined })}
          aria-current={view === "watch" ? "page" : undefined}
          className={chipClass(view === "watch")}
        >
          Watch list (below {threshold})
        </Link>
      </nav>
      <p className="text-xs text-slate-500">
        Scores by{" "}
        <Link href={versionHref} className="underline">
          scoring version {version}
        </Link>
        .
        {shadow ? (
          <>
            {" "}
            Version {shadow.number} runs in shadow until {formatDate(shadow.until)}: {shadow.atRisk} customers would be
            at risk under it; its score shows beside each customer&apos;s.
          </>
        ) : null}
      </p>
    </div>
  );
}
