"use server";

import { redirect } from "next/navigation";
import type { SettingsState } from "@/lib/booking/settings/actions";
import { settingsContext } from "@/lib/booking/settings/context";
import { echo } from "@/lib/booking/settings/form-input";
import { fieldErrors } from "@/lib/http/field-errors";
import { SETTINGS_FIELDS, saveTerritorySettings, territorySettingsSchema } from "@/lib/territories/territory-admin";
import { checkedFormData } from "@/lib/validation/parsers";

/** Saves the territory's general settings: permission and territory first, then zod, then the write and its audit row; PRG. */
export async function saveTerritorySettingsAction(slug: string | null, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: "form" }, values: {}, nonce: Date.now() };
  const ctx = await settingsContext(typeof slug === "string" && slug ? slug : undefined);
  const values = echo(checked, SETTINGS_FIELDS);
  const parsed = territorySettingsSchema.safeParse(Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, checked.get(f) ?? ""])));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, nonce: Date.now() };
  await saveTerritorySettings(ctx.db, ctx.territory.id, ctx.user.id, parsed.data);
  redirect(`/staff/territoires/reglages?${new URLSearchParams({ ...(ctx.user.role === "admin" ? { t: ctx.territory.slug } : {}), fait: "1" })}`);
}
