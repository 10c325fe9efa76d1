import NextAuth, { AuthError, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { db } from "@/db";
import { authSecret } from "@/lib/auth/secret";
import { readTicket } from "@/lib/auth/ticket";
import { getActiveMember } from "./members";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
    /** When the session cookie itself expires (seconds since 1970), as opposed to `expires`, which Auth.js moves forward on every read. */
    cookieExpiresAt?: number;
    /** When the member signed in (milliseconds since 1970): sessions from before a password change are ended. */
    signedInAtMs?: number;
  }
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    // The sign-in action checks the password (and the second factor) and hands Auth.js a ticket
    // saying so, valid for a minute: Auth.js only turns it into a session.
    Credentials({
      credentials: { ticket: {} },
      async authorize(credentials) {
        const memberId = readTicket(authSecret(), credentials?.ticket, "signed-in");
        const member = memberId ? await getActiveMember(db, { id: memberId }) : undefined;
        return member ? { id: String(member.id), name: member.name, email: member.email } : null;
      },
    }),
  ],
  callbacks: {
    // Only the member id travels in the token: role and active flag are read fresh on every request.
    jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.signedInAtMs = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.exp === "number") session.cookieExpiresAt = token.exp;
      if (typeof token.signedInAtMs === "number") session.signedInAtMs = token.signedInAtMs;
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password, or a session cookie this secret cannot read (forged, or from before a
      // secret rotation: the visitor is simply signed out), is an expected outcome, not a server error.
      const type = error instanceof AuthError ? error.type : error.name;
      if (type === "CredentialsSignin" || type === "JWTSessionError") return;
      console.error(`[auth] ${type}: ${error.message}`);
    },
  },
});
