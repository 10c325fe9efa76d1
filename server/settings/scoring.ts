import { eq, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { ValidationError } from "@/lib/errors";
import { scoringSchema, typeWeights } from "@/lib/validation/scoring";
import { getSettings } from "./queries";
import { interactionTypes, settings } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";
import { rebuildLedger } from "@/server/ledger/rebuild";
import { refreshRisk } from "@/server/risk/refresh";

/**
 * Settings → Scoring: half-lives, thresholds, risk weights and interaction type weights. Every
 * balance and risk score is rebuilt from raw interactions in the same transaction.
 */
export const updateScoring = defineAction({
  permission: "settings.manage",
  schema: scoringSchema,
  async run(input, { member, tx }) {
    const { weights, errors } = typeWeights(input);
    if (Object.keys(errors).length > 0) throw new ValidationError("Some weights are invalid.", errors);
    const before = await getSettings(tx, ["ledger", "risk", "delight", "advocacy"]);
    const types = await tx
      .select({ id: interactionTypes.id, key: interactionTypes.key, weight: interactionTypes.defaultWeight })
      .from(interactionTypes);
    const unknown = Object.keys(weights).filter((key) => !types.some((t) => t.key === key));
    if (unknown.length > 0) throw new ValidationError(`Unknown interaction types: ${unknown.join(", ")}.`);

    const after = {
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
      delight: { queueDays: input.queueDays },
      advocacy: { askCapacity: input.askCapacity, candidateBalance: input.candidateBalance },
    };
    for (const [key, value] of Object.entries(after)) {
      await tx
        .insert(settings)
        .values({ key, value, updatedById: member.id })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedById: member.id, updatedAt: sql`now()` } });
    }
    const changedTypes = types.filter((t) => weights[t.key] !== undefined && weights[t.key] !== t.weight);
    for (const type of changedTypes) {
      await tx
        .update(interactionTypes)
        .set({ defaultWeight: weights[type.key] })
        .where(eq(interactionTypes.id, type.id));
    }
    await rebuildLedger(tx, { halfLives: after.ledger });
    await refreshRisk(tx, { settings: after });
    await recordAudit(tx, member, {
      action: "settings.scoring_updated",
      entityType: "settings",
      entityId: "scoring",
      before: { ...before, weights: Object.fromEntries(changedTypes.map((t) => [t.key, t.weight])) },
      after: { ...after, weights: Object.fromEntries(changedTypes.map((t) => [t.key, weights[t.key]])) },
    });
    return {
      message: `Scoring saved. Every balance and risk score was recomputed${changedTypes.length ? ` (${changedTypes.length} weights changed)` : ""}.`,
    };
  },
});
