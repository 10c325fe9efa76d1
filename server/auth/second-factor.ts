import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db";
import { members } from "@/db/schema";
import { hashRecoveryCode, isRecoveryCode, verifyTotp } from "@/lib/auth/two-factor";

/** Whether the member signs in with a second factor. */
export async function hasTwoFactor(db: Queryable, memberId: number): Promise<boolean> {
  const [row] = await db
    .select({ on: sql<boolean>`${members.totpEnabledAt} is not null` })
    .from(members)
    .where(eq(members.id, memberId));
  return Boolean(row?.on);
}

/**
 * Checks a second factor: an authenticator code (each time step once) or a recovery code (each
 * once: it is used up). The row is locked, so two requests cannot spend the same code.
 */
export async function checkSecondFactor(
  db: Queryable,
  memberId: number,
  code: string,
): Promise<"authenticator" | "recovery" | null> {
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({
        secret: members.totpSecret,
        enabledAt: members.totpEnabledAt,
        lastStep: members.totpLastStep,
        recovery: members.recoveryCodeHashes,
      })
      .from(members)
      .where(eq(members.id, memberId))
      .for("update");
    if (!member?.enabledAt || !member.secret) return null;
    if (isRecoveryCode(code)) {
      const hash = hashRecoveryCode(code);
      if (!member.recovery.includes(hash)) return null;
      await tx
        .update(members)
        .set({ recoveryCodeHashes: sql`array_remove(${members.recoveryCodeHashes}, ${hash})` })
        .where(eq(members.id, memberId));
      return "recovery";
    }
    const step = await verifyTotp(member.secret, code, member.lastStep);
    if (step === null) return null;
    await tx.update(members).set({ totpLastStep: step }).where(eq(members.id, memberId));
    return "authenticator";
  });
}
