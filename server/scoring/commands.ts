import { eq, sql } from "drizzle-orm";
import { interactionTypes, settings } from "@/db/schema";
import { ValidationError } from "@/lib/errors";
import { describeChanges, type ScoringConfig } from "@/lib/scoring-version";
import { proxyTypes, scoringSchema, typeWeights } from "@/lib/validation/scoring";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { rebuildLedger } from "@/server/ledger/rebuild";
import { refreshRisk } from "@/server/risk/refresh";
import { configOf, getLiveVersion, insertVersion } from "./versions";

/**
 * Settings → Scoring: half-lives, thresholds, risk weights, interaction type weights and outcome
 * proxies. A change of scoring is saved as the next numbered version, and the balances and risk
 * scores it affects are rebuilt from raw interactions in the same transaction.
 */
export const updateScoring = defineAction({
  permission: "settings.manage",
  schema: scoringSchema,
  async run(input, { member, tx }) {
    const { weights, errors } = typeWeights(input);
    if (Object.keys(errors).length > 0) throw new ValidationError("Some weights are invalid.", errors);
    // Saves take turns: each version's number and "what changed" follow the one before.
    await tx.execute(sql`lock table scoring_versions in share row exclusive mode`);
    const live = await getLiveVersion(tx);
    const types = await tx
      .select({ id: interactionTypes.id, key: interactionTypes.key, weight: interactionTypes.defaultWeight })
      .from(interactionTypes);
    const known = new Set(types.map((t) => t.key));
    const proxies = proxyTypes(input) ?? live.proxyTypes;
    const unknown = [...Object.keys(weights), ...proxies].filter((key) => !known.has(key));
    if (unknown.length > 0)
      throw new ValidationError(`Unknown interaction types: ${[...new Set(unknown)].join(", ")}.`);

    const before = configOf(live);
    const after: ScoringConfig = {
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
    const others = {
      delight: { queueDays: input.queueDays },
      advocacy: { askCapacity: input.askCapacity, candidateBalance: input.candidateBalance },
    };
    for (const [key, value] of Object.entries({ ledger: after.ledger, risk: after.risk, ...others })) {
      await tx
        .insert(settings)
        .values({ key, value, updatedById: member.id })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: member.id, updatedAt: sql`now()` } });
    }
    const summary = describeChanges(before, after);
    if (summary === "No change." && before.kind === "hand") {
      await recordAudit(tx, member, {
        action: "settings.updated",
        entityType: "settings",
        entityId: "other",
        after: others,
      });
      return { message: `Saved. The scoring is unchanged, so it stays version ${live.number}.` };
    }

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
    const version = await insertVersion(tx, { config: after, summary, createdById: member.id });
    await recordAudit(tx, member, {
      action: "settings.scoring_updated",
      entityType: "scoring_version",
      entityId: version.number,
      before: { version: live.number, ...before },
      after: { version: version.number, ...after, ...others },
    });
    return {
      message: `Saved as scoring version ${version.number}: ${summary} Every balance and risk score was recomputed.`,
      data: { version: version.number },
    };
  },
});
