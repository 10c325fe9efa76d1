"use server";

import { cookies, headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { isDatabaseUnavailable } from "@/db/connection-error";
import { message, type Speaker } from "@/lib/error-messages";
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
import { safeParseIn } from "@/lib/validation/messages";
import { requestSpeaker } from "@/server/actions/request-speaker";
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

const DATABASE_UNAVAILABLE = message("signIn.databaseUnavailable");
const WRONG_CREDENTIALS = message("signIn.wrongCredentials");
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
  { say }: Speaker,
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
      return { message: say(DATABASE_UNAVAILABLE) };
    return { message: say(WRONG_CREDENTIALS), email: attempt.email };
  }
  return {};
}

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const callbackUrl = safeCallbackUrl(formData.get("callbackUrl"));
  // The sign-in page's language: nobody is signed in yet, so the browser's.
  const speaker = await requestSpeaker();
  try {
    const pending = formData.get("pending");
    if (typeof pending === "string" && pending) return await secondStep(pending, formData, callbackUrl, speaker);
    return await firstStep(formData, callbackUrl, speaker);
  } catch (error) {
    if (isDatabaseUnavailable(error))
      return { message: speaker.say(DATABASE_UNAVAILABLE), email: String(formData.get("email") ?? "") };
    throw error;
  }
}

async function firstStep(formData: FormData, callbackUrl: string, speaker: Speaker): Promise<LoginState> {
  const { say } = speaker;
  const email = String(formData.get("email") ?? "");
  const parsed = safeParseIn(speaker, signInSchema, { email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  const attempt = await signInAttempt(parsed.data.email);
  // The attempt is counted before the password is checked (and cleared on success), so guesses
  // sent in parallel cannot all slip in before the first failure is recorded.
  const wait = await admitSignIn(db, attempt);
  if (wait > 0) return { message: say(message("signIn.tooManyAttempts", { seconds: wait })), email };
  const member = await authenticate(parsed.data);
  if (!member) {
    await signInFailed(db, attempt);
    return { message: say(WRONG_CREDENTIALS), email };
  }
  if (await hasTwoFactor(db, member.id))
    return { email, pending: issueTicket(authSecret(), member.id, "needs-code", CODE_STEP_SECONDS) };
  return finishSignIn(member.id, attempt, callbackUrl, speaker);
}

async function secondStep(
  pending: string,
  formData: FormData,
  callbackUrl: string,
  speaker: Speaker,
): Promise<LoginState> {
  const { say } = speaker;
  const memberId = readTicket(authSecret(), pending, "needs-code");
  const member = memberId ? await getActiveMember(db, { id: memberId }) : undefined;
  if (!member) return { message: say(message("signIn.codeStepExpired")) };
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { pending, fieldErrors: { code: [say(message("signIn.codeMissing"))] } };
  const wait = await codeThrottle.attempt(db, String(member.id));
  if (wait > 0) return { pending, message: say(message("signIn.tooManyCodes", { seconds: wait })) };
  if (!(await checkSecondFactor(db, member.id, code)))
    return { pending, fieldErrors: { code: [say(message("signIn.codeWrong"))] } };
  await codeThrottle.succeed(db, String(member.id));
  return finishSignIn(member.id, await signInAttempt(member.email), callbackUrl, speaker);
}

export type InvitationState = { message?: string; fieldErrors?: Record<string, string[] | undefined> };

/** An invitee chooses their password: the member is created, the link used up, and they are signed in. */
export async function acceptInvitationAction(_previous: InvitationState, formData: FormData): Promise<InvitationState> {
  const speaker = await requestSpeaker();
  try {
    const result = await acceptInvitation(db, Object.fromEntries(formData.entries()), speaker);
    if (!result.ok) return result;
    const member = await getActiveMember(db, { id: result.memberId });
    if (!member) return { message: speaker.say(message("invitation.accountNotOpened")) };
    return await finishSignIn(member.id, await signInAttempt(member.email), "/", speaker);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { message: speaker.say(DATABASE_UNAVAILABLE) };
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
