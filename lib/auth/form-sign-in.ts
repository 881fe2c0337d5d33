import { encode, type JWT } from "next-auth/jwt";
import type { Account, User } from "next-auth";
import { authOptions } from "./options";
import type { AuthResult } from "./authenticate";

/**
 * The session cookie next-auth itself would set after a credentials sign-in, for the sign-in
 * form posted without JavaScript (app/api/connexion): the same token (through the same `jwt`
 * callback), the same name, options and lifetime.
 */
export async function sessionCookieFor(user: Extract<AuthResult, { ok: true }>["user"]) {
  const secure = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
  const maxAge = authOptions.session?.maxAge ?? 30 * 24 * 60 * 60;
  const base: JWT = { name: user.name, email: user.email, sub: user.id };
  const account: Account = { provider: "credentials", type: "credentials", providerAccountId: user.id };
  const token = await authOptions.callbacks!.jwt!({ token: base, user: user as unknown as User, account, trigger: "signIn" });
  const value = await encode({ token, secret: process.env.NEXTAUTH_SECRET!, maxAge });
  return {
    name: `${secure ? "__Secure-" : ""}next-auth.session-token`,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure, maxAge },
  };
}
