
/** What a browser posts: FormData (server actions) or URLSearchParams (route handlers). */
export type FormLike = Pick<FormData, "get" | "getAll"> | Pick<URLSearchParams, "get" | "getAll">;

/** A trimmed text field, undefined when empty or absent (so that optional fields stay optional). */
export function one(form: FormLike, key: string, max = 2000): string | undefined {
  const v = form.get(key);
  if (typeof v !== "string") return undefined;
  const s = v.trim().slice(0, max);
  return s === "" ? undefined : s;
}

/** Every value of a repeated field (checkboxes), capped so that a forged post stays small. */
export function many(form: FormLike, key: string, cap = 50): string[] {
  return form.getAll(key).filter((v): v is string => typeof v === "string").slice(0, cap);
}

/** The raw values to echo back into the form after an error (never trusted, only displayed). */
export function echo(form: FormLike, single: string[], multiple: string[] = []): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const k of single) out[k] = String(form.get(k) ?? "").slice(0, 2000);
  for (const k of multiple) out[k] = many(form, k);
  return out;
}

