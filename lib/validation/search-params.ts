import { z } from "zod";

/** An optional query parameter: an empty value (a form's blank option) counts as absent. */
export const optionalParam = <T extends z.ZodTypeAny>(s: T) => z.preprocess((v: unknown) => (v === "" ? undefined : v), s.optional());

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * A page's or route's search parameters through a schema: one value per key (a page's array
 * gives its first), unknown keys left to the schema, and on failure the distinct French messages
 * with the flattened values (for a fallback view).
 */
export function parseSearchParams<S extends z.ZodTypeAny>(schema: S, params: SearchParamsInput):
  { ok: true; data: z.infer<S> } | { ok: false; errors: string[]; flat: Record<string, string> } {
  const flat: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  for (const [k, v] of entries) if (v !== undefined) flat[k] = Array.isArray(v) ? v[0] : v;
  const r = schema.safeParse(flat);
  if (r.success) return { ok: true, data: r.data };
  return { ok: false, errors: [...new Set(r.error.issues.map((i) => i.message))], flat };
}
