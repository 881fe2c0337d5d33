"use server";

import { redirect } from "next/navigation";
import type { SettingsState } from "@/lib/booking/settings/actions";
import { echo } from "@/lib/booking/settings/form-input";
import type { CasesState } from "@/components/detection/dossiers/cases-form";
import { dossierContext, parisToday } from "@/lib/detection/interpellations/context";
import { createDossier, recordAnswer, recordSending, saveCases, type Write } from "@/lib/detection/interpellations/dossiers";
import { answerSchema, dossierSchema, memoryTextSchema, sendingSchema } from "@/lib/detection/interpellations/schema";
import { fieldErrors } from "@/lib/http/field-errors";
import { checkedFormData, parseUuid } from "@/lib/validation/parsers";
import { DOSSIER_FIELDS } from "./fields";

/**
 * The dossier forms' server actions: permission and territory first (dossierContext), then zod
 * on every input, then one audited transaction; on success post/redirect/get, on a refusal the
 * form again with what was typed and nothing stored.
 */
const refused = (errors: Record<string, string>, values: Record<string, string | string[]> = {}): SettingsState => ({ errors, values, nonce: Date.now() });
const WRITE_ERRORS: Record<Exclude<Write, { ok: true }>["reason"], [string, string]> = {
  not_found: ["form", "not_found"], institution: ["institution", "institution"], not_sent: ["answeredOn", "not_sent"],
  answered_before_sent: ["answeredOn", "answered_before_sent"], unknown_case: ["form", "unknown_case"],
};

export async function createDossierAction(slug: string | null, formId: string, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  const ctx = await dossierContext(slug);
  const id = parseUuid(formId);
  if (!checked || !id) return refused({ form: "form" });
  const values = echo(checked, DOSSIER_FIELDS);
  const parsed = dossierSchema.safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const result = await createDossier(ctx.db, ctx.territory.id, ctx.user.id, id, parsed.data);
  if (!result.ok) return refused({ [WRITE_ERRORS[result.reason][0]]: WRITE_ERRORS[result.reason][1] }, values);
  redirect(ctx.href(`/${result.id}`, { fait: "created" }));
}

export async function recordSendingAction(slug: string | null, dossierId: string, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  const ctx = await dossierContext(slug);
  const id = parseUuid(dossierId);
  if (!checked || !id) return refused({ form: "form" });
  const values = echo(checked, ["sentOn", "sentTo"]);
  const parsed = sendingSchema(parisToday()).safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const result = await recordSending(ctx.db, ctx.territory.id, ctx.user.id, id, parsed.data);
  if (!result.ok) return refused({ sentOn: WRITE_ERRORS[result.reason][1] }, values);
  redirect(ctx.href(`/${id}`, { fait: "sent" }));
}

export async function recordAnswerAction(slug: string | null, dossierId: string, _prev: SettingsState, form: FormData): Promise<SettingsState> {
  const checked = checkedFormData(form);
  const ctx = await dossierContext(slug);
  const id = parseUuid(dossierId);
  if (!checked || !id) return refused({ form: "form" });
  const values = echo(checked, ["answeredOn", "answer"]);
  const parsed = answerSchema(parisToday()).safeParse(values);
  if (!parsed.success) return refused(fieldErrors(parsed.error), values);
  const result = await recordAnswer(ctx.db, ctx.territory.id, ctx.user.id, id, parsed.data);
  if (!result.ok) return refused({ [WRITE_ERRORS[result.reason][0]]: WRITE_ERRORS[result.reason][1] }, values);
  redirect(ctx.href(`/${id}`, { fait: "answered" }));
}

/** The fiches mémoire chosen: every chosen text is checked (no identifier) before anything is stored. */
export async function saveCasesAction(slug: string | null, dossierId: string, _prev: CasesState, form: FormData): Promise<CasesState> {
  const checked = checkedFormData(form);
  const ctx = await dossierContext(slug);
  const id = parseUuid(dossierId);
  if (!checked || !id) return { errors: { form: "form" }, nonce: Date.now() };
  const chosen = checked.getAll("case").filter((v): v is string => typeof v === "string").slice(0, 200);
  const texts: Record<string, string> = {};
  for (const [k, v] of checked.entries()) if (k.startsWith("text-") && typeof v === "string" && parseUuid(k.slice(5))) texts[k.slice(5)] = v.slice(0, 2000);
  const errors: Record<string, string> = {};
  const cases = [];
  for (const situationId of chosen) {
    const sid = parseUuid(situationId);
    const text = memoryTextSchema.safeParse(texts[situationId] ?? "");
    if (!sid) errors.form = "form";
    else if (!text.success) errors[sid] = text.error.issues[0].message;
    else cases.push({ situationId: sid, text: text.data });
  }
  if (Object.keys(errors).length) return { errors, chosen, texts, nonce: Date.now() };
  const result = await saveCases(ctx.db, ctx.territory.id, ctx.user.id, id, cases);
  if (!result.ok) return { errors: { form: WRITE_ERRORS[result.reason][1] }, chosen, texts, nonce: Date.now() };
  redirect(ctx.href(`/${id}`, { fait: "cases" }));
}
