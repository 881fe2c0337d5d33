"use server";

import { redirect } from "next/navigation";
import type { SettingsState } from "@/lib/booking/settings/actions";
import { echo } from "@/lib/booking/settings/form-input";
import type { OptionList } from "@/lib/detection/options";
import { detectionSettingsContext, type SettingsTab } from "@/lib/detection/settings/context";
import { addOption, renameOption, setOptionArchived } from "@/lib/detection/settings/manage-options";
import { addService, deleteService, renameService, setServiceArchived, setServiceInstructsAid } from "@/lib/detection/settings/manage-services";
import { addOptionSchema, addServiceSchema, archiveSchema, listSchema, renameSchema } from "@/lib/detection/settings/schema";
import { fieldErrors } from "@/lib/http/field-errors";
import { checkedFormData, parseUuid } from "@/lib/validation/parsers";

/**
 * The detection settings' server actions: `territory:configure` and the territory first, zod on
 * every input, then one audited write; post/redirect/get back to the list with the outcome.
 */
const refused = (errors: Record<string, string>, values: Record<string, string | string[]> = {}): SettingsState => ({ errors, values, nonce: Date.now() });

type Ctx = Awaited<ReturnType<typeof detectionSettingsContext>>;
function back(ctx: Ctx, tab: SettingsTab, result: { ok: true } | { ok: false; reason: string }, done: string): never {
  redirect(ctx.href(tab, result.ok ? { fait: done } : { erreur: result.reason }));
}

export async function addOptionAction(slug: string | null, rawList: string, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  const ctx = await detectionSettingsContext(slug);
  const list = listSchema.safeParse(rawList);
  if (!checked || !list.success) return refused({ form: "form" });
  const values = echo(checked, ["label", "parent"]);
  const parsed = addOptionSchema.safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const result = await addOption(ctx.db, ctx.territory.id, ctx.user.id, list.data, parsed.data);
  if (!result.ok) return refused(result.reason === "parent" ? { parent: "parent" } : { form: result.reason }, values);
  back(ctx, list.data, result, "added");
}

export async function addServiceAction(slug: string | null, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  const ctx = await detectionSettingsContext(slug);
  if (!checked) return refused({ form: "form" });
  const values = echo(checked, ["label", "instructsOptionalAid"]);
  const parsed = addServiceSchema.safeParse({ label: values.label, instructsOptionalAid: values.instructsOptionalAid || undefined });
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const result = await addService(ctx.db, ctx.territory.id, ctx.user.id, parsed.data);
  if (!result.ok) return refused({ form: result.reason }, values);
  back(ctx, "services", result, "added");
}

export async function renameOptionAction(slug: string | null, rawList: string, form: FormData): Promise<void> {
  const checked = checkedFormData(form);
  const ctx = await detectionSettingsContext(slug);
  const list = listSchema.safeParse(rawList);
  const tab: SettingsTab = list.success ? list.data : "services";
  const parsed = renameSchema.safeParse(checked ? echo(checked, ["code", "label"]) : null);
  if (!list.success || !parsed.success) back(ctx, tab, { ok: false, reason: parsed.success ? "form" : parsed.error.issues[0].message }, "");
  back(ctx, tab, await renameOption(ctx.db, ctx.territory.id, ctx.user.id, list.data as OptionList, parsed.data.code, parsed.data.label), "renamed");
}

export async function archiveOptionAction(slug: string | null, rawList: string, form: FormData): Promise<void> {
  const checked = checkedFormData(form);
  const ctx = await detectionSettingsContext(slug);
  const list = listSchema.safeParse(rawList);
  const tab: SettingsTab = list.success ? list.data : "services";
  const parsed = archiveSchema.safeParse(checked ? echo(checked, ["code", "archived"]) : null);
  if (!list.success || !parsed.success) back(ctx, tab, { ok: false, reason: "form" }, "");
  const result = await setOptionArchived(ctx.db, ctx.territory.id, ctx.user.id, list.data as OptionList, parsed.data.code, parsed.data.archived);
  back(ctx, tab, result, parsed.data.archived ? "archived" : "restored");
}

export async function renameServiceAction(slug: string | null, form: FormData): Promise<void> {
  const checked = checkedFormData(form);
  const ctx = await detectionSettingsContext(slug);
  const id = parseUuid(checked?.get("id"));
  const parsed = renameSchema.shape.label.safeParse(checked?.get("label"));
  if (!id || !parsed.success) back(ctx, "services", { ok: false, reason: parsed.success ? "form" : "label" }, "");
  back(ctx, "services", await renameService(ctx.db, ctx.territory.id, ctx.user.id, id, parsed.data), "renamed");
}

const SERVICE_OPS = ["archive", "restore", "aid_on", "aid_off", "delete"] as const;

/** Archive / restore, the optional-aid flag, or delete (refused for a service that has situations). */
export async function serviceStateAction(slug: string | null, form: FormData): Promise<void> {
  const checked = checkedFormData(form);
  const ctx = await detectionSettingsContext(slug);
  const id = parseUuid(checked?.get("id"));
  const op = SERVICE_OPS.find((o) => o === checked?.get("op"));
  if (!id || !op) back(ctx, "services", { ok: false, reason: "form" }, "");
  const args = [ctx.db, ctx.territory.id, ctx.user.id, id] as const;
  if (op === "delete") back(ctx, "services", await deleteService(...args), "deleted");
  if (op === "archive" || op === "restore") back(ctx, "services", await setServiceArchived(...args, op === "archive"), op === "archive" ? "archived" : "restored");
  back(ctx, "services", await setServiceInstructsAid(...args, op === "aid_on"), "flagged");
}
