import { and, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { deleteInteraction, editInteraction } from "@/server/ledger/commands";
import type { SessionMember } from "@/lib/permissions";
import { auditLog, interactions } from "@/db/schema";
import type { MemberRole } from "@/lib/permissions";
import { ACTION_CATALOG } from "@/testing/action-catalog";
import { asSessionMember, bookInteraction, createCustomer, createMember, writeFingerprint } from "@/testing/factories";
import { listDefinitionPermissions, listServerActions } from "@/testing/server-action-sources";
import { ForbiddenError } from "@/lib/errors";
import { can, PERMISSIONS, ROLES } from "@/lib/permissions";
import { executeAction } from "./execute";

const ROLE_MESSAGE = new ForbiddenError("dashboard.read").message;
/** The only server actions that need no member: signing in and out, and accepting an invitation. */
const PUBLIC_ACTIONS = ["acceptInvitationAction", "login", "signOutAction"];

const actors = {} as Record<MemberRole, SessionMember>;

beforeAll(async () => {
  for (const role of ROLES) actors[role] = asSessionMember(await createMember({ role, name: `Matrix ${role}` }));
});

async function auditRows(actor: SessionMember, action: string) {
  const [row] = await db
    .select({ rows: count() })
    .from(auditLog)
    .where(and(eq(auditLog.actorId, actor.id), eq(auditLog.action, action)));
  return row.rows;
}

describe("every server action × every role, called directly as a forged request would arrive", () => {
  for (const [name, action] of Object.entries(ACTION_CATALOG)) {
    describe(`${name} needs ${action.permission} (${PERMISSIONS[action.permission]} and up)`, () => {
      for (const role of ROLES) {
        if (can(role, action.permission)) {
          const { audit } = action;
          if (audit === null) {
            it(`${role}: succeeds and writes nothing (a read)`, async () => {
              const actor = actors[role];
              const input = await action.prepare(actor);
              const before = await writeFingerprint();
              const result = await action.execute(actor, input);
              expect(result, result.message).toMatchObject({ ok: true });
              expect(await writeFingerprint()).toEqual(before);
            });
          } else {
            it(`${role}: succeeds, the write is visible and ${audit} is in the audit log`, async () => {
              const actor = actors[role];
              const input = await action.prepare(actor);
              const before = await writeFingerprint();
              const audited = await auditRows(actor, audit);
              const result = await action.execute(actor, input);
              expect(result, result.message).toMatchObject({ ok: true });
              expect(await auditRows(actor, audit)).toBe(audited + 1);
              expect(await writeFingerprint()).not.toEqual(before);
            });
          }
        } else {
          it(`${role}: refused with the role message before the input is read, and the database is unchanged`, async () => {
            const actor = actors[role];
            const input = await action.prepare(actor);
            const before = await writeFingerprint();
            expect(await action.execute(actor, input)).toEqual({ ok: false, message: ROLE_MESSAGE });
            expect(await action.execute(actor, {})).toEqual({ ok: false, message: ROLE_MESSAGE });
            expect(await writeFingerprint()).toEqual(before);
          });
        }
      }
    });
  }
});

describe("rules beyond the role", () => {
  it("an interaction logged 25 hours ago: its author (csm, manager) may no longer edit or delete it, an admin may", async () => {
    for (const role of ["csm", "manager"] as const) {
      const author = actors[role];
      const customer = await createCustomer();
      const interactionId = await bookInteraction(author, {
        customerId: customer.id,
        typeKey: "complaint",
        occurredAt: new Date(),
        weight: null,
        channel: "email",
        direction: "inbound",
        summary: "Invoice wrong",
      });
      await db
        .update(interactions)
        .set({ createdAt: sql`now() - interval '25 hours'` })
        .where(eq(interactions.id, interactionId));
      const fields = {
        interactionId: String(interactionId),
        typeKey: "praise",
        occurredAt: new Date().toISOString(),
        channel: "email",
        direction: "inbound",
        summary: "Fixed",
      };
      const before = await writeFingerprint();
      const edit = await executeAction(editInteraction, author, fields);
      const remove = await executeAction(deleteInteraction, author, { interactionId: fields.interactionId });
      for (const refused of [edit, remove])
        expect(refused.ok ? refused : refused.message).toMatch(/only interactions you logged in the last 24 hours/);
      expect(await writeFingerprint()).toEqual(before);
      expect(await executeAction(editInteraction, actors.admin, fields)).toMatchObject({ ok: true });
      expect(
        await executeAction(deleteInteraction, actors.admin, { interactionId: fields.interactionId }),
      ).toMatchObject({ ok: true });
    }
  });
});

describe("the catalog covers every server action the app exposes", () => {
  const exposed = listServerActions();

  it("every exported server action runs an action definition through runMemberAction, except sign-in, sign-out and accepting an invitation", () => {
    expect(exposed.length).toBeGreaterThan(PUBLIC_ACTIONS.length);
    expect(
      exposed
        .filter((a) => a.definition === null)
        .map((a) => a.exportedName)
        .sort(),
    ).toEqual(PUBLIC_ACTIONS);
  });

  it("every definition a server action runs is in the catalog, and the catalog lists nothing else", () => {
    const run = [...new Set(exposed.flatMap((a) => (a.definition ? [a.definition] : [])))].sort();
    expect(Object.keys(ACTION_CATALOG).sort()).toEqual(run);
  });

  it("the permission the browser tests read from each definition's source is the one it enforces", () => {
    const fromSource = listDefinitionPermissions();
    for (const [name, action] of Object.entries(ACTION_CATALOG)) expect(fromSource[name], name).toBe(action.permission);
  });
});
