import { getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/card";
import { readDb } from "@/server/reads/read-db";
import { getFormat } from "@/server/i18n/format";
import { getMrrAtRisk } from "@/server/risk/queries";

export async function MrrAtRisk() {
  const db = await readDb();
  const [atRisk, t, f] = await Promise.all([getMrrAtRisk(db), getTranslations("overview.mrrAtRisk"), getFormat()]);
  // The threshold as set in Settings → Scoring: "3", "2.5".
  const threshold = f.decimal(atRisk.threshold, Math.min(2, (String(atRisk.threshold).split(".")[1] ?? "").length));
  return (
    <dl aria-label={t("label")}>
      <Stat
        label={t("label")}
        value={f.money(atRisk.mrrCents)}
        hint={t("hint", { count: atRisk.customers, threshold })}
      />
    </dl>
  );
}
