import { and, eq, gte, ne } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { message } from "@/lib/error-messages";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { journeyModelSchema, readStages } from "@/lib/validation/journey-models";
import { setMilestoneSchema } from "@/lib/validation/journey";
import { lockCustomer } from "@/server/customers/lock";
import { refreshRisk } from "@/server/risk/refresh";
import { moveMilestone } from "./milestones";
import { journeyModels, journeyRollups, journeyStages } from "@/db/schema";
import { recordAudit } from "@/server/audit/record";

/**
 * Settings → Journey models: rename a model and its stages, move stage boundaries, set targets,
 * or add a custom model. Stages must cover milestones 1–13 in order without gap or overlap.
 */
export const saveJourneyModel = defineAction({
  permission: "settings.manage",
  schema: journeyModelSchema,
  async run(input, { member, tx }) {
    const { stages, errors } = readStages(input);
    if (input.modelId === null && !/^[a-z][a-z0-9-]{1,23}$/.test(input.key ?? "")) {
      errors.key = [message("journey.keyFormat")];
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(message("journey.modelInvalid"), errors);

    let modelId = input.modelId;
    let before: unknown = null;
    if (modelId === null) {
      const [taken] = await tx
        .select({ id: journeyModels.id })
        .from(journeyModels)
        .where(eq(journeyModels.key, input.key ?? ""));
      if (taken) throw new ValidationError(message("journey.keyInUse"), { key: [message("journey.keyTaken")] });
      const [created] = await tx
        .insert(journeyModels)
        .values({ key: input.key ?? "", name: input.name, shape: input.shape, position: 100 })
        .returning({ id: journeyModels.id });
      modelId = created.id;
    } else {
      const [existing] = await tx.select().from(journeyModels).where(eq(journeyModels.id, modelId)).for("update");
      if (!existing) throw new NotFoundError(message("notFound.what.journeyModel"));
      before = { ...existing, stages: await tx.select().from(journeyStages).where(eq(journeyStages.modelId, modelId)) };
      await tx.update(journeyModels).set({ name: input.name, shape: input.shape }).where(eq(journeyModels.id, modelId));
    }
    if (input.isDefault) {
      await tx.update(journeyModels).set({ isDefault: false }).where(ne(journeyModels.id, modelId));
      await tx.update(journeyModels).set({ isDefault: true }).where(eq(journeyModels.id, modelId));
    }
    // Stages keep their ids by position, so links to a stage survive a rename.
    await tx
      .delete(journeyStages)
      .where(and(eq(journeyStages.modelId, modelId), gte(journeyStages.position, stages.length)));
    for (const [position, stage] of stages.entries()) {
      await tx
        .insert(journeyStages)
        .values({ modelId, position, ...stage })
        .onConflictDoUpdate({ target: [journeyStages.modelId, journeyStages.position], set: stage });
    }
    await tx.delete(journeyRollups).where(eq(journeyRollups.modelId, modelId));
    await recordAudit(tx, member, {
      action: input.modelId === null ? "journey_model.created" : "journey_model.updated",
      entityType: "journey_model",
      entityId: modelId,
      before,
      after: { name: input.name, shape: input.shape, isDefault: input.isDefault, stages },
    });
    return { message: message("done.saved", { name: input.name }), data: { id: modelId } };
  },
});

/** A person sets the milestone by hand, with a reason; backwards is allowed (a customer may regress). */
export const setMilestone = defineAction({
  permission: "journey.write",
  schema: setMilestoneSchema,
  async run(input, { member, tx }) {
    const customer = await lockCustomer(tx, input.customerId);
    if (customer.milestone === input.milestone) {
      throw new ValidationError(message("action.nothingToChange"), {
        milestone: [message("journey.alreadyAt", { name: customer.name, milestone: { milestone: input.milestone } })],
      });
    }
    await moveMilestone(tx, {
      customerId: customer.id,
      from: customer.milestone,
      to: input.milestone,
      at: new Date(),
      actorId: member.id,
      reason: input.reason,
      source: "ui",
    });
    await refreshRisk(tx, { customerIds: [customer.id] });
    await recordAudit(tx, member, {
      action: "customer.milestone_set",
      entityType: "customer",
      entityId: customer.id,
      before: { milestone: customer.milestone },
      after: { milestone: input.milestone, reason: input.reason },
    });
    return {
      message: message("done.journey.moved", { name: customer.name, milestone: { milestone: input.milestone } }),
    };
  },
});
