"use server";

import { cookies, headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { isDatabaseUnavailable } from "@/db/connection-error";
import { signIn, signOut } from "./auth";
import { signInSchema } from "./credentials";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { clientAddress, parseTrustProxy, SOCKET_ADDRESS_HEADER } from "@/lib/auth/client-address";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE,
  newDeviceNonce,
  signDevice,
  verifyDevice,
} from "@/lib/auth/device-cookie";
import { admitSignIn, type SignInAttempt, signInFailed, signInSucceeded } from "./sign-in-gate";

export type LoginState = {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
};

const DATABASE_UNAVAILABLE =
  "The database is unavailable right now, so nobody can sign in. Please try again in a moment.";

const trustProxy = parseTrustProxy(process.env.TRUST_PROXY);

/** Device cookies are signed with the Auth.js secret, which the server does not start without. */
function authSecret(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set.");
  return secret;
}

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

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  const attempt = await signInAttempt(parsed.data.email);
  let wait: number;
  try {
    // The attempt is counted before the password is checked (and cleared on success), so guesses
    // sent in parallel cannot all slip in before the first failure is recorded.
    wait = await admitSignIn(db, attempt);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { message: DATABASE_UNAVAILABLE, email };
    throw error;
  }
  if (wait > 0) return { message: `Too many sign-in attempts. Please wait ${wait} seconds and try again.`, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
  } catch (error) {
    // Success arrives as a thrown redirect: only Auth.js's own errors mean "not signed in".
    if (error instanceof AuthError) {
      // Auth.js wraps what authorize() threw as `cause.err`: an outage is not a wrong password.
      if (isDatabaseUnavailable((error.cause as { err?: unknown } | undefined)?.err)) {
        return { message: DATABASE_UNAVAILABLE, email };
      }
      await signInFailed(db, attempt);
      return { message: "Email or password is incorrect.", email };
    }
    await signInSucceeded(db, attempt);
    // This browser now knows the account: failures elsewhere will not lock it out.
    (await cookies()).set(DEVICE_COOKIE, signDevice(authSecret(), attempt.email, attempt.device ?? newDeviceNonce()), {
      httpOnly: true,
      sameSite: "lax",
      secure: attempt.secure,
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    });
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
