import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db";
import { memberInvitations, members } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { english, message, type Speaker } from "@/lib/error-messages";
import { ValidationError } from "@/lib/errors";
import { acceptInvitationSchema, invitationIdSchema, inviteMemberSchema } from "@/lib/validation/account";
import { safeParseIn } from "@/lib/validation/messages";
import { defineAction } from "@/server/actions/execute";
import { recordAudit } from "@/server/audit/record";
import { textForMember } from "@/server/notifications/member-messages";
import { mailTransport, sendMail } from "@/server/outreach/mailer";

export const INVITATION_HOURS = 72;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Not yet accepted, revoked or expired. */
const isOpen = and(
  isNull(memberInvitations.acceptedAt),
  isNull(memberInvitations.revokedAt),
  gt(memberInvitations.expiresAt, sql`now()`),
);

/** Invitations not yet accepted, revoked or expired, newest first. */
export async function listOpenInvitations(db: Queryable) {
  return db
    .select({
      id: memberInvitations.id,
      email: memberInvitations.email,
      name: memberInvitations.name,
      role: memberInvitations.role,
      expiresAt: memberInvitations.expiresAt,
    })
    .from(memberInvitations)
    .where(isOpen)
    .orderBy(desc(memberInvitations.createdAt));
}

/** The open invitation a link's token belongs to, or undefined (unknown, used, revoked or expired). */
export async function findOpenInvitation(db: Queryable, token: string) {
  const [invitation] = await db
    .select()
    .from(memberInvitations)
    .where(and(eq(memberInvitations.tokenHash, hashToken(token)), isOpen));
  return invitation;
}

/**
 * An admin invites someone by email: a one-time link, good for 72 hours, for the invitee to choose
 * their own password. It goes by email when SMTP is set up; otherwise the admin copies it from the
 * answer. A new invitation to the same address replaces the open one.
 */
export const inviteMember = defineAction({
  permission: "members.manage",
  schema: inviteMemberSchema,
  async run(input, { member, tx }) {
    const [taken] = await tx.select({ id: members.id }).from(members).where(eq(members.email, input.email));
    if (taken) throw new ValidationError(message("field.emailInUse"), { email: [message("team.memberEmailExists")] });
    await tx
      .update(memberInvitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(memberInvitations.email, input.email),
          isNull(memberInvitations.acceptedAt),
          isNull(memberInvitations.revokedAt),
        ),
      );
    const token = randomBytes(32).toString("base64url");
    const [invitation] = await tx
      .insert(memberInvitations)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        tokenHash: hashToken(token),
        invitedById: member.id,
        expiresAt: sql`now() + make_interval(hours => ${INVITATION_HOURS})`,
      })
      .returning();
    await recordAudit(tx, member, {
      action: "member.invited",
      entityType: "invitation",
      entityId: invitation.id,
      after: { email: input.email, name: input.name, role: input.role },
    });
    const link = `${input.origin ?? "http://localhost:3000"}/invite/${token}`;
    if (mailTransport() === "smtp") {
      // The invitee has no language of their own yet: the email is in the inviting admin's.
      const { t } = await textForMember(tx, member.id);
      await sendMail({
        to: input.email,
        subject: t("invitation.subject", { inviter: member.name }),
        text: t("invitation.text", {
          name: input.name,
          inviter: member.name,
          role: input.role,
          hours: INVITATION_HOURS,
          link,
        }),
      });
      return {
        message: message("done.invitations.sent", { email: input.email }),
        data: { link: null as string | null },
      };
    }
    return {
      message: message("done.invitations.sendLinkYourself", { name: input.name, hours: INVITATION_HOURS }),
      data: { link },
    };
  },
});

export const revokeInvitation = defineAction({
  permission: "members.manage",
  schema: invitationIdSchema,
  async run(input, { member, tx }) {
    const [revoked] = await tx
      .update(memberInvitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(memberInvitations.id, input.invitationId),
          isNull(memberInvitations.acceptedAt),
          isNull(memberInvitations.revokedAt),
        ),
      )
      .returning();
    if (!revoked) throw new ValidationError(message("invitation.notOpen"));
    await recordAudit(tx, member, {
      action: "member.invitation_revoked",
      entityType: "invitation",
      entityId: revoked.id,
      before: { email: revoked.email },
    });
    return { message: message("done.invitations.revoked", { email: revoked.email }) };
  },
});

/**
 * The invitee chooses their password: the member is created with the invited name, email and role,
 * and the link is used up. Nobody is signed in yet when this runs; the action then signs them in.
 */
export async function acceptInvitation(
  db: Queryable,
  input: unknown,
  speaker: Speaker = english,
): Promise<
  { ok: true; memberId: number } | { ok: false; message: string; fieldErrors?: Record<string, string[] | undefined> }
> {
  const { say } = speaker;
  const parsed = safeParseIn(speaker, acceptInvitationSchema, input);
  if (!parsed.success)
    return {
      ok: false,
      message: say(message("action.fixFields")),
      fieldErrors: z.flattenError(parsed.error).fieldErrors,
    };
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(memberInvitations)
      .where(and(eq(memberInvitations.tokenHash, hashToken(parsed.data.token)), isOpen))
      .for("update");
    if (!invitation) return { ok: false as const, message: say(message("invitation.expired")) };
    const [taken] = await tx.select({ id: members.id }).from(members).where(eq(members.email, invitation.email));
    if (taken) return { ok: false as const, message: say(message("invitation.memberExists")) };
    const [created] = await tx
      .insert(members)
      .values({ name: invitation.name, email: invitation.email, role: invitation.role, passwordHash })
      .returning({ id: members.id });
    await tx
      .update(memberInvitations)
      .set({ acceptedAt: sql`now()` })
      .where(eq(memberInvitations.id, invitation.id));
    await recordAudit(
      tx,
      { id: null, label: `invitation:${invitation.id}` },
      {
        action: "member.added",
        entityType: "member",
        entityId: created.id,
        after: { name: invitation.name, email: invitation.email, role: invitation.role },
      },
    );
    return { ok: true as const, memberId: created.id };
  });
}
