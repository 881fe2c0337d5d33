import { eq } from "drizzle-orm";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { addressKey } from "@/lib/security/client-address";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { authenticate } from "./authenticate";
import { dummyHash } from "./password";
import { recordSignIn } from "@/lib/people/manage";
import { revokeSessions } from "./revoke";

/**
 * Staff sign-in through OpenID Connect (e.g. ProConnect, the French public agents' SSO), enabled
 * when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. The identity provider proves
 * who the person is; role and territory still come from the account provisioned here, matched by
 * e-mail — an unknown e-mail is refused.
 */
export function oidcProvider(): OAuthConfig<Record<string, string>> | null {
  const issuer = process.env.OIDC_ISSUER;
  if (!issuer || !process.env.OIDC_CLIENT_ID || !process.env.OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_NAME || "ProConnect",
    type: "oauth",
    wellKnown: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: process.env.OIDC_CLIENT_ID,
    clientSecret: process.env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: process.env.OIDC_SCOPE || "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state", "nonce"],
    async profile(claims, tokens) {
      // Providers such as ProConnect give e-mail and name at the userinfo endpoint, not in the
      // ID token: ask it when the ID token lacks them.
      const p = claims.email ? claims : { ...claims, ...(await userinfo(issuer, tokens.access_token)) };
      return { id: p.sub, email: p.email?.toLowerCase(), name: p.name ?? p.given_name ?? p.email };
    },
  };
}

/** The userinfo claims (JSON, or a JWT whose payload is read: it comes straight from the provider over its own connection). */
async function userinfo(issuer: string, accessToken: string | undefined): Promise<Record<string, string>> {
  if (!accessToken) return {};
  const discovery = (await (await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`)).json()) as { userinfo_endpoint?: string };
  if (!discovery.userinfo_endpoint) return {};
  const res = await fetch(discovery.userinfo_endpoint, { headers: { Authorization: `Bearer ${accessToken}` } });
  if (!res.ok) return {};
  if ((res.headers.get("content-type") ?? "").includes("application/jwt")) {
    const payload = (await res.text()).split(".")[1] ?? "";
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  }
  return (await res.json()) as Record<string, string>;
}

// Hash the dummy password once at start-up: the first unknown e-mail must not cost twice as much.
void dummyHash();

async function staffByEmail(email: string | null | undefined) {
  if (!email) return null;
  const [u] = await (await getDb()).select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return u && !u.disabledAt ? u : null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/connexion" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate(await getDb(), credentials, new Date(), { addressKey: addressKey(req?.headers ?? {}) });
        // The reason travels in the error so the sign-in page can say "locked" in French.
        if (!result.ok) throw new Error(result.reason);
        return result.user;
      },
    }),
    ...(oidcProvider() ? [oidcProvider()!] : []),
  ],
  callbacks: {
    async signIn({ account, user }) {
      if (account?.provider !== "oidc") return true;
      const u = await staffByEmail(user.email);
      if (!u) return "/connexion?error=oidc_unknown";
      await recordSignIn(await getDb(), u.id);
      return true;
    },
    async jwt({ token, user, account }) {
      if (account?.provider === "oidc") {
        const u = await staffByEmail(user?.email ?? token.email);
        if (u) {
          token.uid = u.id;
          token.role = u.role;
          token.territoryId = u.territoryId;
          token.sv = u.sessionVersion;
        }
      } else if (user) {
        const u = user as unknown as { id: string; role: Role; territoryId: string | null; sessionVersion: number };
        token.uid = u.id;
        token.role = u.role;
        token.territoryId = u.territoryId;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        role: token.role as Role,
        territoryId: (token.territoryId as string | null) ?? null,
        // Compared with users.session_version at every request (lib/auth/session.ts).
        sessionVersion: typeof token.sv === "number" ? token.sv : -1,
      };
      return session;
    },
    /** After sign-in or sign-out: a path of the portal only (never another site). */
    async redirect({ url, baseUrl }) {
      const origin = new URL(baseUrl).origin;
      return origin + safeRedirectPath(url, { origin, fallback: "/staff" });
    },
  },
  events: {
    /** Signing out revokes the session token everywhere it was copied (and the account's other sessions). */
    async signOut({ token }) {
      if (typeof token?.uid === "string") await revokeSessions(await getDb(), token.uid);
    },
  },
};
