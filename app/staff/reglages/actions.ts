"use server";

import { redirect } from "next/navigation";
import type { SettingsState } from "@/lib/booking/settings/actions";
import { settingsContext } from "@/lib/booking/settings/context";
import { echo } from "@/lib/booking/settings/form-input";
import { fieldErrors } from "@/lib/http/field-errors";
import { publicPagesSchema, savePublicPages } from "@/lib/territories/public-pages";
import { checkedFormData } from "@/lib/validation/parsers";

const FIELDS = ["helpPhone", "helpHours", "compliance", "accessibility", "legalNotice", "personalData"];

/**
 * The territory lead saves the footer's pages (a plain form post without JavaScript): permission
 * and territory first, then zod, then the write with its audit row; post/redirect/get on success.
 */
export async function savePublicPagesAction(slug: string | null, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: "form" }, values: {}, nonce: Date.now() };
  const ctx = await settingsContext(typeof slug === "string" && slug ? slug : undefined);
  const values = echo(checked, FIELDS);
  const parsed = publicPagesSchema.safeParse(Object.fromEntries(FIELDS.map((f) => [f, checked.get(f) ?? ""])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, nonce: Date.now() };
  await savePublicPages(ctx.db, ctx.territory.id, ctx.user.id, parsed.data);
  redirect(`/staff/reglages/pages-publiques?${new URLSearchParams({ ...(ctx.user.role === "admin" ? { t: ctx.territory.slug } : {}), fait: "1" })}`);
}
