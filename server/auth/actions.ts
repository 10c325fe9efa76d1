"use server";

import { cookies, headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { isDatabaseUnavailable } from "@/db/connection-error";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress, parseTrustProxy, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE,
  newDeviceNonce,
  signDevice,
  verifyDevice,
} from "@/lib/auth/device-cookie";
import { authSecret } from "@/lib/auth/secret";
import { issueTicket, readTicket } from "@/lib/auth/ticket";
import { signIn, signOut } from "./auth";
import { authenticate, signInSchema } from "./credentials";
import { getActiveMember } from "./members";
import { checkSecondFactor, hasTwoFactor } from "./second-factor";
import { admitSignIn, type SignInAttempt, signInFailed, signInSucceeded } from "./sign-in-gate";
import { codeThrottle } from "./throttle";
import { acceptInvitation } from "@/server/team/invitations";

export type LoginState = {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[]; code?: string[] };
  email?: string;
  /** After a right password for a member with two-factor: the ticket the code step carries. */
  pending?: string;
};

const DATABASE_UNAVAILABLE =
  "The database is unavailable right now, so nobody can sign in. Please try again in a moment.";
const CODE_STEP_SECONDS = 5 * 60;

const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);

/** The account, the client's address and the device as the gate needs them (server/auth/sign-in-gate.ts). */
async function signInAttempt(email: string): Promise<SignInAttempt & { secure: boolean }> {
  const [list, jar] = await Promise.all([headers(), cookies()]);
  const address = clientAddress(
    { socket: list.get(SOCKET_ADDRESS_HEADER), forwardedFor: list.get("x-forwarded-for") },
    trustProxy,
  );
  const device = verifyDevice(authSecret(), jar.get(DEVICE_COOKIE)?.value, email);
  return { email, address, device, secure: (list.get("origin") ?? "").startsWith("https:") };
}

/** Everything checked: the browser learns the account (device cookie) and Auth.js issues the session. */
async function finishSignIn(
  memberId: number,
  attempt: SignInAttempt & { secure: boolean },
  callbackUrl: string,
): Promise<LoginState> {
  await signInSucceeded(db, attempt);
  (await cookies()).set(DEVICE_COOKIE, signDevice(authSecret(), attempt.email, attempt.device ?? newDeviceNonce()), {
    httpOnly: true,
    sameSite: "lax",
    secure: attempt.secure,
    path: "/",
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
  try {
    // Success arrives as a thrown redirect.
    await signIn("credentials", {
      ticket: issueTicket(authSecret(), memberId, "signed-in", 60),
      redirectTo: callbackUrl,
    });
  } catch (error) {
    // Auth.js's own errors: the member was deactivated a moment ago, or the database went away.
    if (!(error instanceof AuthError)) throw error;
    if (isDatabaseUnavailable((error.cause as { err?: unknown } | undefined)?.err))
      return { message: DATABASE_UNAVAILABLE };
    return { message: "Email or password is incorrect.", email: attempt.email };
  }
  return {};
}

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
  try {
    const pending = formData.get("pending");
    if (typeof pending === "string" && pending) return await secondStep(pending, formData, callbackUrl);
    return await firstStep(formData, callbackUrl);
  } catch (error) {
    if (isDatabaseUnavailable(error))
      return { message: DATABASE_UNAVAILABLE, email: String(formData.get("email") ?? "") };
    throw error;
  }
}

async function firstStep(formData: FormData, callbackUrl: string): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  const attempt = await signInAttempt(parsed.data.email);
  // The attempt is counted before the password is checked (and cleared on success), so guesses
  // sent in parallel cannot all slip in before the first failure is recorded.
  const wait = await admitSignIn(db, attempt);
  if (wait > 0) return { message: `Too many sign-in attempts. Please wait ${wait} seconds and try again.`, email };
  const member = await authenticate(parsed.data);
  if (!member) {
    await signInFailed(db, attempt);
    return { message: "Email or password is incorrect.", email };
  }
  if (await hasTwoFactor(db, member.id))
    return { email, pending: issueTicket(authSecret(), member.id, "needs-code", CODE_STEP_SECONDS) };
  return finishSignIn(member.id, attempt, callbackUrl);
}

async function secondStep(pending: string, formData: FormData, callbackUrl: string): Promise<LoginState> {
  const memberId = readTicket(authSecret(), pending, "needs-code");
  const member = memberId ? await getActiveMember(db, { id: memberId }) : undefined;
  if (!member) return { message: "That took too long: sign in again with your email and password." };
  const code = String(formData.get("code") ?? "").trim();
  if (!code)
    return {
      pending,
      fieldErrors: { code: ["Enter the 6-digit code from your authenticator app, or a recovery code."] },
    };
  const wait = await codeThrottle.attempt(db, String(member.id));
  if (wait > 0) return { pending, message: `Too many codes tried. Please wait ${wait} seconds and try again.` };
  if (!(await checkSecondFactor(db, member.id, code)))
    return {
      pending,
      fieldErrors: { code: ["That code is not right. Codes change every 30 seconds; each recovery code works once."] },
    };
  await codeThrottle.succeed(db, String(member.id));
  return finishSignIn(member.id, await signInAttempt(member.email), callbackUrl);
}

export type InvitationState = { message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** An invitee chooses their password: the member is created, the link used up, and they are signed in. */
export async function acceptInvitationAction(_previous: InvitationState, formData: FormData): Promise<InvitationState> {
  try {
    const result = await acceptInvitation(db, Object.fromEntries(formData.entries()));
    if (!result.ok) return result;
    const member = await getActiveMember(db, { id: result.memberId });
    if (!member) return { message: "Your account could not be opened: ask an admin." };
    return await finishSignIn(member.id, await signInAttempt(member.email), "/");
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { message: DATABASE_UNAVAILABLE };
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
