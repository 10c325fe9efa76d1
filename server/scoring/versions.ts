import { desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { referenceCached } from "@/db/reference-cache";
import { members, type ScoringVersion, scoringVersions } from "@/db/schema";
import { message } from "@/lib/error-messages";
import { NotFoundError } from "@/lib/errors";
import type { ScoringConfig } from "@/lib/scoring-version";

export type VersionSummary = Pick<ScoringVersion, "number" | "kind" | "summary" | "createdAt" | "shadowUntil"> & {
  createdBy: string | null;
};

/** What a version scores with, as the backtest and a draft preview take it. */
export function configOf(version: ScoringVersion): ScoringConfig {
  return {
    kind: version.kind,
    ledger: version.ledger,
    risk: version.risk,
    typeWeights: version.typeWeights,
    proxyTypes: version.proxyTypes,
    model: version.model,
  };
}

/** The live version and the versions whose shadow had not ended when read, kept until a version changes. */
const readCurrentVersions = referenceCached(async (db: Queryable) => {
  const [[live], shadows] = await Promise.all([
    db
      .select()
      .from(scoringVersions)
      .where(isNull(scoringVersions.shadowUntil))
      .orderBy(desc(scoringVersions.number))
      .limit(1),
    db
      .select()
      .from(scoringVersions)
      .where(gt(scoringVersions.shadowUntil, sql`now()`))
      .orderBy(desc(scoringVersions.number)),
  ]);
  return { live: live ?? null, shadows };
});

/** The live scoring: the highest-numbered version that never ran in shadow (every save of Settings → Scoring adds one). */
export async function getLiveVersion(db: Queryable): Promise<ScoringVersion> {
  const { live } = await readCurrentVersions(db);
  if (!live) throw new NotFoundError(message("notFound.what.scoringVersion"));
  return live;
}

/** The version running in shadow now, if any. */
export async function getShadowVersion(db: Queryable): Promise<ScoringVersion | null> {
  const { shadows } = await readCurrentVersions(db);
  const now = Date.now();
  return shadows.find((version) => version.shadowUntil !== null && version.shadowUntil.getTime() > now) ?? null;
}

/** One version by its number; NotFoundError when there is none. */
export async function getVersion(db: Queryable, { number }: { number: number }): Promise<ScoringVersion> {
  const [version] = await db.select().from(scoringVersions).where(eq(scoringVersions.number, number));
  if (!version) throw new NotFoundError(message("notFound.what.scoringVersionNumbered", { number }));
  return version;
}

/** The versions, newest first, with who saved each. */
export async function listVersions(db: Queryable, { limit = 50 } = {}): Promise<VersionSummary[]> {
  return db
    .select({
      number: scoringVersions.number,
      kind: scoringVersions.kind,
      summary: scoringVersions.summary,
      createdAt: scoringVersions.createdAt,
      shadowUntil: scoringVersions.shadowUntil,
      createdBy: members.name,
    })
    .from(scoringVersions)
    .leftJoin(members, eq(members.id, scoringVersions.createdById))
    .orderBy(desc(scoringVersions.number))
    .limit(limit);
}

/** Adds the next version (number = highest + 1) and returns it. */
export async function insertVersion(
  tx: Queryable,
  {
    config,
    summary,
    createdById,
    shadowUntil = null,
  }: { config: ScoringConfig; summary: string; createdById: number | null; shadowUntil?: Date | null },
): Promise<ScoringVersion> {
  const [version] = await tx
    .insert(scoringVersions)
    .values({
      number: sql`(select coalesce(max(number), 0) + 1 from scoring_versions)`,
      ...config,
      summary,
      createdById,
      shadowUntil,
    })
    .returning();
  return version;
}
