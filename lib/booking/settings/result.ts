import { sqlState } from "@/db/client";

/** Outcome of a settings write: the new row's id, or error keys by field (nothing was stored). */
export type WriteResult = { ok: true; id: string } | { ok: false; errors: Record<string, string> };

export const fail = (field: string, key: string): WriteResult => ({ ok: false, errors: { [field]: key } });

/** Who made the change, for the audit row. */
export type Actor = { userId: string };

/** Runs a write, turning PostgreSQL's unique_violation (a name already used) into a field error. */
export async function guardName(write: () => Promise<WriteResult>): Promise<WriteResult> {
  try {
    return await write();
  } catch (err) {
    if (sqlState(err) === "23505") return fail("name", "duplicate_name");
    throw err;
  }
}
