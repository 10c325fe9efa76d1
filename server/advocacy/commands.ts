import { and, eq, inArray, sql } from "drizzle-orm";
import { defineAction } from "@/server/actions/execute";
import { message } from "@/lib/error-messages";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { quarterStart } from "@/lib/advocacy";
import { LAST_MILESTONE } from "@/lib/journey/models";
import {
  advocateRoleSchema,
  askCapacitySchema,
  askSchema,
  changeRoleStatusSchema,
  communityActivitySchema,
  inviteToRoleSchema,
} from "@/lib/validation/advocacy";
import { getSettings } from "@/server/settings/queries";
import { advocateAsks, advocateRoles, communityActivities, customers, roleAssignments } from "@/db/schema";
import { firePlaybooks } from "@/server/playbooks/evaluate";
import { recordAudit } from "@/server/audit/record";
import { insertCustomer } from "@/server/customers/commands";
import { bookInteraction } from "@/server/ledger/booking";
import { lockCustomer } from "@/server/customers/lock";
import { moveMilestone } from "@/server/journey/milestones";

export const inviteToRole = defineAction({
  permission: "advocacy.write",
  schema: inviteToRoleSchema,
  async run(input, { member, tx }) {
    const customer = await lockCustomer(tx, input.customerId);
    const [role] = await tx
      .select()
      .from(advocateRoles)
      .where(and(eq(advocateRoles.id, input.roleId), eq(advocateRoles.active, true)));
    if (!role)
      throw new ValidationError(message("advocacy.unknownRole"), {
        roleId: [message("advocacy.activeRoleFromCatalog")],
      });
    const [open] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.customerId, customer.id),
          eq(roleAssignments.roleId, role.id),
          inArray(roleAssignments.status, ["invited", "active"]),
        ),
      );
    if (open)
      throw new ValidationError(message("advocacy.alreadyInvited"), {
        roleId: [message("advocacy.alreadyHoldsRole", { name: customer.name, role: { advocateRole: role } })],
      });
    const [assignment] = await tx
      .insert(roleAssignments)
      .values({
        customerId: customer.id,
        roleId: role.id,
        status: "invited",
        notes: input.notes ?? "",
        actorId: member.id,
      })
      .returning();
    await recordAudit(tx, member, {
      action: "role.invited",
      entityType: "role_assignment",
      entityId: assignment.id,
      after: assignment,
    });
    return {
      message: message("done.advocacy.invited", { name: customer.name, role: { advocateRole: role } }),
      data: { customerId: customer.id },
    };
  },
});

export const changeRoleStatus = defineAction({
  permission: "advocacy.write",
  schema: changeRoleStatusSchema,
  async run(input, { member, tx }) {
    const [before] = await tx
      .select()
      .from(roleAssignments)
      .where(eq(roleAssignments.id, input.assignmentId))
      .for("update");
    if (!before) throw new NotFoundError(message("notFound.what.roleAssignment"));
    if (before.status === "retired") throw new ValidationError(message("advocacy.roleRetired"));
    if (before.status === input.status)
      throw new ValidationError(message("advocacy.roleAlready", { status: input.status }));
    const [after] = await tx
      .update(roleAssignments)
      .set(
        input.status === "active"
          ? { status: "active", activatedAt: sql`now()` }
          : { status: "retired", retiredAt: sql`now()` },
      )
      .where(eq(roleAssignments.id, before.id))
      .returning();
    // Holding a community role is what makes an active promoter, the last milestone.
    if (input.status === "active") {
      const customer = await lockCustomer(tx, before.customerId);
      if (customer.milestone < LAST_MILESTONE) {
        await moveMilestone(tx, {
          customerId: customer.id,
          from: customer.milestone,
          to: LAST_MILESTONE,
          at: new Date(),
          actorId: member.id,
          reason: "Took on a community role",
          source: "ui",
        });
      }
    }
    await recordAudit(tx, member, {
      action: `role.${input.status === "active" ? "activated" : "retired"}`,
      entityType: "role_assignment",
      entityId: before.id,
      before,
      after,
    });
    return {
      message: message(input.status === "active" ? "done.advocacy.roleActivated" : "done.advocacy.roleRetired"),
    };
  },
});

export const logCommunityActivity = defineAction({
  permission: "advocacy.write",
  schema: communityActivitySchema,
  async run(input, { member, tx }) {
    const advocate = await lockCustomer(tx, input.customerId, message("notFound.what.advocate"));
    let referredId: number | null = null;
    if (input.kind === "referred_customer") {
      if (!input.referredName && !input.referredEmail) {
        throw new ValidationError(message("advocacy.whoWasReferred"), {
          referredName: [message("advocacy.referredMissing")],
        });
      }
      const [existing] = input.referredEmail
        ? await tx
            .select({ id: customers.id })
            .from(customers)
            .where(sql`lower(${customers.email}) = ${input.referredEmail}`)
        : [];
      if (existing) {
        const referred = await lockCustomer(tx, existing.id, message("notFound.what.referredCustomer"));
        if (referred.id === advocate.id)
          throw new ValidationError(message("advocacy.selfReferral"), {
            referredEmail: [message("advocacy.cannotReferThemselves")],
          });
        if (referred.referredById !== null && referred.referredById !== advocate.id) {
          throw new ValidationError(message("advocacy.alreadyReferred"), {
            referredEmail: [message("advocacy.referredBySomeoneElse", { name: referred.name })],
          });
        }
        referredId = referred.id;
      } else {
        if (!input.referredName)
          throw new ValidationError(message("advocacy.newCustomerNeedsName"), {
            referredName: [message("advocacy.noCustomerWithEmail")],
          });
        const created = await insertCustomer(tx, {
          actor: member,
          values: {
            name: input.referredName,
            email: input.referredEmail,
            ownerId: advocate.ownerId,
            signedUpAt: input.occurredAt,
          },
          history: { reason: `Referred by ${advocate.name}`, source: "ui" },
        });
        referredId = created.id;
      }
      await tx
        .update(customers)
        .set({ referredById: advocate.id, updatedAt: sql`now()` })
        .where(eq(customers.id, referredId));
    }
    const interaction = await bookInteraction(
      tx,
      {
        customerId: advocate.id,
        typeKey: input.kind === "referred_customer" ? "referral" : "community_contribution",
        occurredAt: input.occurredAt,
        weight: null,
        channel: "community",
        direction: "inbound",
        summary: input.note ?? input.kind.replace(/_/g, " "),
      },
      { actor: member, source: "ui", audit: { each: "interaction.logged" } },
    );
    const [activity] = await tx
      .insert(communityActivities)
      .values({
        customerId: advocate.id,
        kind: input.kind,
        occurredAt: input.occurredAt,
        note: input.note ?? "",
        referredCustomerId: referredId,
        interactionId: interaction.id,
        actorId: member.id,
      })
      .returning();
    await recordAudit(tx, member, {
      action: "community.logged",
      entityType: "community_activity",
      entityId: activity.id,
      after: activity,
    });
    return {
      message: message(referredId ? "done.advocacy.referralLogged" : "done.advocacy.communityLogged"),
      data: { referredCustomerId: referredId },
    };
  },
});

export const logAsk = defineAction({
  permission: "advocacy.write",
  schema: askSchema,
  async run(input, { member, tx }) {
    const advocate = await lockCustomer(tx, input.customerId, message("notFound.what.advocate"));
    const { advocacy } = await getSettings(tx, ["advocacy"]);
    const capacity = advocate.askCapacity ?? advocacy.askCapacity;
    const [{ used }] = await tx
      .select({ used: sql<number>`count(*)::int` })
      .from(advocateAsks)
      .where(
        and(
          eq(advocateAsks.customerId, advocate.id),
          sql`${advocateAsks.askedAt} >= ${quarterStart(new Date()).toISOString()}::timestamptz`,
        ),
      );
    if (used >= capacity && !input.askAnyway) {
      throw new ValidationError(message("advocacy.overCapacity"), {
        askAnyway: [message("advocacy.alreadyAsked", { name: advocate.name, used, capacity })],
      });
    }
    const [ask] = await tx
      .insert(advocateAsks)
      .values({
        customerId: advocate.id,
        kind: input.kind,
        askedAt: new Date(),
        outcome: input.outcome,
        note: input.note ?? "",
        actorId: member.id,
      })
      .returning();
    await recordAudit(tx, member, { action: "ask.logged", entityType: "advocate_ask", entityId: ask.id, after: ask });
    // An ask that reaches capacity fires the "asks reach capacity" playbooks now, not at the next refresh.
    await firePlaybooks(tx, { customerIds: [advocate.id] });
    return { message: message("done.advocacy.askLogged", { used: used + 1, capacity }) };
  },
});

export const setAskCapacity = defineAction({
  permission: "advocacy.write",
  schema: askCapacitySchema,
  async run(input, { member, tx }) {
    const advocate = await lockCustomer(tx, input.customerId, message("notFound.what.advocate"));
    await tx.update(customers).set({ askCapacity: input.capacity }).where(eq(customers.id, advocate.id));
    await recordAudit(tx, member, {
      action: "advocate.capacity_set",
      entityType: "customer",
      entityId: advocate.id,
      before: { askCapacity: advocate.askCapacity },
      after: { askCapacity: input.capacity },
    });
    return {
      message:
        input.capacity === null
          ? message("done.advocacy.capacityReset")
          : message("done.advocacy.capacitySet", { capacity: input.capacity }),
    };
  },
});

export const saveAdvocateRole = defineAction({
  permission: "settings.manage",
  schema: advocateRoleSchema,
  async run(input, { member, tx }) {
    const values = { name: input.name, description: input.description ?? "", active: input.active };
    if (input.roleId === null) {
      const key =
        input.name
          .toLowerCase()
          .normalize("NFD")
          .replace(/[^a-z0-9]+/g, "_")
          .replace(/^_|_$/g, "") || "role";
      const [role] = await tx
        .insert(advocateRoles)
        .values({ ...values, key: `${key}_${Date.now().toString(36)}` })
        .returning();
      await recordAudit(tx, member, {
        action: "role_catalog.created",
        entityType: "advocate_role",
        entityId: role.id,
        after: role,
      });
      return { message: message("done.advocacy.roleAdded", { name: role.name }) };
    }
    const [before] = await tx.select().from(advocateRoles).where(eq(advocateRoles.id, input.roleId));
    if (!before) throw new NotFoundError(message("notFound.what.role"));
    const [after] = await tx.update(advocateRoles).set(values).where(eq(advocateRoles.id, before.id)).returning();
    await recordAudit(tx, member, {
      action: "role_catalog.updated",
      entityType: "advocate_role",
      entityId: before.id,
      before,
      after,
    });
    return { message: message("done.saved", { name: after.name }) };
  },
});
