"use server";

import { redirect } from "next/navigation";
import type { SettingsState } from "@/lib/booking/settings/actions";
import { checkedId, settingsContext } from "@/lib/booking/settings/context";
import { echo } from "@/lib/booking/settings/form-input";
import { fieldErrors } from "@/lib/http/field-errors";
import { createSite, updateSite } from "@/lib/sites/manage-sites";
import { siteSchema } from "@/lib/sites/site-schema";
import { checkedFormData } from "@/lib/validation/parsers";
import { SITE_FIELDS } from "./site-fields";

/** Creates (no id) or edits a site: permission and territory first, then zod, then the write and its audit row; PRG. */
export async function saveSiteAction(slug: string | null, id: string | null, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: "form" }, values: {}, nonce: Date.now() };
  const ctx = await settingsContext(typeof slug === "string" && slug ? slug : undefined);
  const siteId = id === null ? null : checkedId(id);
  const values = echo(checked, SITE_FIELDS);
  const parsed = siteSchema.safeParse(Object.fromEntries(SITE_FIELDS.map((f) => [f, checked.get(f) ?? ""])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, nonce: Date.now() };
  const result = siteId ? await updateSite(ctx.db, ctx.territory.id, ctx.user.id, siteId, parsed.data) : await createSite(ctx.db, ctx.territory.id, ctx.user.id, parsed.data);
  if (!result.ok) return { errors: result.reason === "duplicate_code" ? { code: "duplicate_code" } : { form: "form" }, values, nonce: Date.now() };
  redirect(`/staff/sites?${new URLSearchParams({ ...(ctx.user.role === "admin" ? { t: ctx.territory.slug } : {}), fait: siteId ? "updated" : "created" })}`);
}
