import { Link } from "@/components/ui/link";
import { chipClass } from "@/components/ui/button";
import { type SearchParams, withParams } from "@/lib/search-params";
import { useTranslations } from "next-intl";
import { useFormat } from "@/components/i18n/use-format";
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
  const t = useTranslations("risk.views");
  const f = useFormat();
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <nav aria-label={t("label")} className="flex gap-2">
        <Link
          href={withParams("/risk", params, { view: undefined, page: undefined })}
          aria-current={view === "at-risk" ? "page" : undefined}
          className={chipClass(view === "at-risk")}
        >
          {t("atRisk", { threshold })}
        </Link>
        <Link
          href={withParams("/risk", params, { view: "watch", page: undefined })}
          aria-current={view === "watch" ? "page" : undefined}
          className={chipClass(view === "watch")}
        >
          {t("watch", { threshold })}
        </Link>
      </nav>
      <p className="text-xs text-slate-500">
        {t.rich("scoresBy", {
          version,
          link: (chunks) => (
            <Link href={versionHref} className="underline">
              {chunks}
            </Link>
          ),
        })}
        {shadow ? (
          <> {t("shadow", { version: shadow.number, until: f.date(shadow.until), count: shadow.atRisk })}</>
        ) : null}
      </p>
    </div>
  );
}
