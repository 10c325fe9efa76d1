import { eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import type { Transaction } from "@/db";
import { interactionTypes, type ScoringVersion, scoringVersions, settings } from "@/db/schema";
import { compareHeadlines, headlineOf } from "@/lib/backtest/report";
import { describeFittedModel } from "@/lib/backtest/fit";
import { inEnglish, message } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import type { SessionMember } from "@/lib/permissions";
import { changesMessage, changesOf, describeChanges, type ScoringConfig } from "@/lib/scoring-version";
import { proxyTypes, scoringSchema, typeWeights } from "@/lib/validation/scoring";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { rebuildLedger } from "@/server/ledger/rebuild";
import { refreshRisk } from "@/server/risk/refresh";
import { getBacktest, PREVIEW_HORIZON_DAYS, runBacktest } from "./backtest";
import { fitVersion } from "./fit";
import { refreshShadowScores, SHADOW_DAYS } from "./shadow";
import { configOf, getLiveVersion, getShadowVersion, insertVersion } from "./versions";

type ScoringInput = z.infer<typeof scoringSchema>;

/** Saves take turns: each version's number and "what changed" follow the one before. The live version. */
async function lockVersions(tx: Transaction): Promise<ScoringVersion> {
  await tx.execute(sql`lock table scoring_versions in share row exclusive mode`);
  return getLiveVersion(tx);
}

/** Every interaction type's id, key and default weight: what a version's type weights are saved into. */
function typeWeightRows(tx: Transaction) {
  return tx
    .select({ id: interactionTypes.id, key: interactionTypes.key, weight: interactionTypes.defaultWeight })
    .from(interactionTypes);
}

/** The scoring a form proposes: validated against the interaction types there are, unsaved. */
async function draftConfig(tx: Transaction, input: ScoringInput, live: ScoringVersion) {
  const { weights } = typeWeights(input);
  const types = await typeWeightRows(tx);
  const known = new Set(types.map((t) => t.key));
  const proxies = proxyTypes(input) ?? live.proxyTypes;
  const unknown = [...Object.keys(weights), ...proxies].filter((key) => !known.has(key));
  if (unknown.length > 0)
    throw new ValidationError(message("scoring.unknownTypes", { types: [...new Set(unknown)].join(", ") }));
  const config: ScoringConfig = {
    kind: "hand",
    ledger: { creditHalfLifeDays: input.creditHalfLifeDays, debtHalfLifeDays: input.debtHalfLifeDays },
    risk: {
      silenceDays: input.silenceDays,
      fatigueContacts: input.fatigueContacts,
      fatigueWindowDays: input.fatigueWindowDays,
      debtWeight: input.debtWeight,
      trendWeight: input.trendWeight,
      silenceWeight: input.silenceWeight,
      fatigueWeight: input.fatigueWeight,
      atRiskScore: input.atRiskScore,
      executiveMrrCents: Math.round(input.executiveMrr * 100),
    },
    typeWeights: Object.fromEntries(types.map((t) => [t.key, weights[t.key] ?? t.weight])),
    proxyTypes: [...proxies].sort(),
    model: null,
  };
  return { config, types };
}

/**
 * Settings → Scoring: half-lives, thresholds, risk weights, interaction type weights and outcome
 * proxies. A change of scoring is saved as the next numbered version, and the balances and risk
 * scores it affects are rebuilt from raw interactions in the same transaction.
 */
export const updateScoring = defineAction({
  permission: "settings.manage",
  schema: scoringSchema,
  async run(input, { member, tx }) {
    const live = await lockVersions(tx);
    const { config: after, types } = await draftConfig(tx, input, live);
    const before = configOf(live);
    const others = {
      delight: { queueDays: input.queueDays },
      advocacy: { askCapacity: input.askCapacity, candidateBalance: input.candidateBalance },
    };
    if (changesOf(before, after) === null && before.kind === "hand") {
      await writeSettings(tx, member, others);
      await recordAudit(tx, member, {
        action: "settings.updated",
        entityType: "settings",
        entityId: "other",
        after: others,
      });
      return { message: message("done.scoring.unchanged", { number: live.number }) };
    }
    return saveVersion(tx, member, { live, after, types, others });
  },
});

async function writeSettings(tx: Transaction, member: SessionMember, values: Record<string, unknown>) {
  for (const [key, value] of Object.entries(values)) {
    await tx
      .insert(settings)
      .values({ key, value, updatedById: member.id })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: member.id, updatedAt: sql`now()` } });
  }
}

/**
 * Makes `after` the live scoring as the next version: its settings and type weights, every
 * balance rebuilt when a weight or half-life changed (else only the risk scores), one audit row.
 */
async function saveVersion(
  tx: Transaction,
  member: SessionMember,
  {
    live,
    after,
    types,
    others = {},
  }: {
    live: ScoringVersion;
    after: ScoringConfig;
    types: { id: number; key: string; weight: number }[];
    others?: Record<string, unknown>;
  },
) {
  const before = configOf(live);
  const changes = changesMessage(before, after);
  await writeSettings(tx, member, { ledger: after.ledger, risk: after.risk, ...others });
  const changedTypes = types.filter((t) => after.typeWeights[t.key] !== t.weight);
  for (const type of changedTypes) {
    await tx
      .update(interactionTypes)
      .set({ defaultWeight: after.typeWeights[type.key] })
      .where(eq(interactionTypes.id, type.id));
  }
  const halfLivesChanged = JSON.stringify(before.ledger) !== JSON.stringify(after.ledger);
  // Only weights and half-lives change what a balance is; the rest changes only the score.
  if (halfLivesChanged || changedTypes.length > 0) await rebuildLedger(tx, { halfLives: after.ledger });
  await refreshRisk(tx, { settings: after });
  const version = await insertVersion(tx, { config: after, summary: inEnglish(changes), createdById: member.id });
  await recordAudit(tx, member, {
    action: "settings.scoring_updated",
    entityType: "scoring_version",
    entityId: version.number,
    before: { version: live.number, ...before },
    after: { version: version.number, ...after, ...others },
  });
  return {
    message: message("done.scoring.savedVersion", { number: version.number, summary: changes }),
    data: { version: version.number },
  };
}

/**
 * A draft's backtest beside the live version's, before anything is saved: 90-day churn with the
 * outcome proxies left out, as the backtest page shows by default. Writes nothing.
 */
export const previewScoring = defineAction({
  permission: "settings.manage",
  schema: scoringSchema,
  async run(input, { tx }) {
    const live = await getLiveVersion(tx);
    const { config } = await draftConfig(tx, input, live);
    const common = { horizonDays: PREVIEW_HORIZON_DAYS, includeProxies: false };
    const { report: liveReport } = await getBacktest(tx, {
      config: configOf(live),
      versionNumber: live.number,
      ...common,
    });
    const draftReport = await runBacktest(tx, { config, label: "Draft", baselines: false, ...common });
    const before = headlineOf(liveReport);
    const after = headlineOf(draftReport);
    return {
      message: compareHeadlines(live.number, before, after),
      data: { liveVersion: live.number, live: before, draft: after },
    };
  },
});

const noInput = z.object({}).catchall(z.string());

/** A fit of the live version's weights and half-lives to the book's history, shown before anyone saves it. */
export const fitScoring = defineAction({
  permission: "settings.manage",
  schema: noInput,
  async run(_input, { tx, say }) {
    const live = await getLiveVersion(tx);
    const fit = await fitVersion(tx, { base: configOf(live), label: `Version ${live.number}` });
    const [fitted, current] = fit.outOfTime.scorers;
    return {
      message: message("done.scoring.fitted", {
        trained: fit.config.model?.trainedOn.cutoffs.length ?? 0,
        judged: fit.outOfTime.cutoffs.length,
        before: { decimal: current.auc, digits: 3 },
        after: { decimal: fitted.auc, digits: 3 },
      }),
      data: {
        liveVersion: live.number,
        config: fit.config,
        effects: describeFittedModel(fit.config),
        changes: say(changesMessage(configOf(live), fit.config)),
        tried: fit.tried,
        outOfTime: fit.outOfTime.scorers.map((scorer) => ({
          key: scorer.key,
          label: scorer.label,
          auc: scorer.auc,
          lift: scorer.topDecile.lift,
        })),
      },
    };
  },
});

/**
 * Saves the fit as the next version. The fit is recomputed here, from the book, rather than taken
 * from the browser, so what is saved is what the book gives today.
 */
export const saveFittedScoring = defineAction({
  permission: "settings.manage",
  schema: noInput,
  async run(_input, { member, tx }) {
    const live = await lockVersions(tx);
    const fit = await fitVersion(tx, { base: configOf(live), label: `Version ${live.number}` });
    const types = await typeWeightRows(tx);
    return saveVersion(tx, member, { live, after: fit.config, types });
  },
});

async function endShadows(tx: Transaction) {
  await tx
    .update(scoringVersions)
    .set({ shadowUntil: sql`now()` })
    .where(gt(scoringVersions.shadowUntil, sql`now()`));
}

/**
 * Runs the draft in the form beside the live version for 30 days: a numbered version that is never
 * live, whose scores sit next to the live ones on the risk list. One shadow at a time: a new one
 * ends the last.
 */
export const shadowScoring = defineAction({
  permission: "settings.manage",
  schema: scoringSchema,
  async run(input, { member, tx }) {
    const live = await lockVersions(tx);
    const { config } = await draftConfig(tx, input, live);
    await endShadows(tx);
    const shadowUntil = new Date(Date.now() + SHADOW_DAYS * 86_400_000);
    const summary = `In shadow beside version ${live.number}: ${describeChanges(configOf(live), config)}`;
    const version = await insertVersion(tx, { config, summary, createdById: member.id, shadowUntil });
    await refreshShadowScores(tx);
    await recordAudit(tx, member, {
      action: "settings.scoring_shadowed",
      entityType: "scoring_version",
      entityId: version.number,
      after: { version: version.number, shadowUntil, ...config },
    });
    return {
      message: message("done.scoring.shadowStarted", { number: version.number, days: SHADOW_DAYS, live: live.number }),
      data: { version: version.number },
    };
  },
});

async function requireShadow(tx: Transaction): Promise<ScoringVersion> {
  const shadow = await getShadowVersion(tx);
  if (!shadow) throw new ValidationError(message("scoring.noShadow"));
  return shadow;
}

/** Stops the shadow early; its scores leave the risk list. */
export const endShadowScoring = defineAction({
  permission: "settings.manage",
  schema: noInput,
  async run(_input, { member, tx }) {
    const shadow = await requireShadow(tx);
    await endShadows(tx);
    await refreshShadowScores(tx);
    await recordAudit(tx, member, {
      action: "settings.scoring_shadow_ended",
      entityType: "scoring_version",
      entityId: shadow.number,
    });
    return { message: message("done.scoring.shadowEnded", { number: shadow.number }) };
  },
});

/** Makes the shadow's scoring live, as the next version, and ends the shadow. */
export const promoteShadowScoring = defineAction({
  permission: "settings.manage",
  schema: noInput,
  async run(_input, { member, tx }) {
    const live = await lockVersions(tx);
    const shadow = await requireShadow(tx);
    await endShadows(tx);
    await refreshShadowScores(tx);
    const types = await typeWeightRows(tx);
    return saveVersion(tx, member, { live, after: configOf(shadow), types });
  },
});
