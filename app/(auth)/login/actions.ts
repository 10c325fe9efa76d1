"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth";
import { signInSchema } from "@/lib/auth/credentials";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

export type LoginState = {
  message?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
};

export async function login(_previous: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
  } catch (error) {
    // Success arrives as a thrown redirect: only Auth.js's own errors mean "not signed in".
    if (error instanceof AuthError) return { message: "Email or password is incorrect.", email };
    throw error;
  }
  return {};
}
