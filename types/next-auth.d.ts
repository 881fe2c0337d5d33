import type { Role } from "@/db/schema";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; territoryId: string | null; sessionVersion: number; name?: string | null; email?: string | null };
  }
}
