import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import type { Role } from "@/db/schema";
import { authenticate } from "./authenticate";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/connexion" },
  secret: process.env.NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        const result = await authenticate(await getDb(), credentials);
        // The reason travels in the error so the sign-in page can say "locked" in French.
        if (!result.ok) throw new Error(result.reason);
        return result.user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; territoryId: string | null };
        token.uid = u.id;
        token.role = u.role;
        token.territoryId = u.territoryId;
      }
      return token;
    },
    async session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        role: token.role as Role,
        territoryId: (token.territoryId as string | null) ?? null,
      };
      return session;
    },
  },
};
