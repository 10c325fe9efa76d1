"use server";

import { headers } from "next/headers";
import { AuthError } from "next-auth";
import { z } from "zod";
import { db } from "@/db";
import { isDatabaseUnavailable } from "@/db/connection-error";
import { signIn, signOut } from "./auth";
import { signInSchema } from "./credentials";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { accountThrottle, addressThrottle } from "./throttle";

export type LoginState = {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
};

const DATABASE_UNAVAILABLE =
  "The database is unavailable right now, so nobody can sign in. Please try again in a moment.";

async function clientAddress(): Promise<string> {
  const list = await headers();
  return list.get("x-forwarded-for")?.split(",")[0]?.trim() || list.get("x-real-ip") || "local";
}

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  const accountKey = parsed.data.email;
  const addressKey = await clientAddress();
  let wait: number;
  try {
    // The account's attempt is counted before the password is checked (and cleared on success), so
    // guesses sent in parallel cannot all slip in before the first failure is recorded.
    wait = (await addressThrottle.wait(db, addressKey)) || (await accountThrottle.attempt(db, accountKey));
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
      await addressThrottle.fail(db, addressKey);
      return { message: "Email or password is incorrect.", email };
    }
    await accountThrottle.succeed(db, accountKey);
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
