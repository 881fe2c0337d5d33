import { z } from "zod";
import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { can, type Permission } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { parisDay } from "@/lib/booking/slots";
import { optInInput } from "@/lib/callbacks/opt-in-schema";
import { listCatalogue } from "@/lib/callbacks/review";
import { fieldErrors } from "@/lib/http/field-errors";
import { isUuid } from "@/lib/validation/parsers";
import { parseStandConsent } from "./consent-schema";
import { takeStandConsent } from "./consent";
import { decisionSchema, proposalSchema, reportSchema } from "./schemas";
import { cancelAction, decideAction, getAction, proposeAction, reportAction, type Problem } from "./store";
import type { Actor } from "./state-machine";

/**
 * The bodies of the outreach server actions (app/staff/aller-vers/actions.ts): permission and
 * territory first, then zod, then one transactional write, then post/redirect/get. A refused
 * form comes back with its values (never for a consent: see submitConsent) and French messages.
 */
export type FormState = { errors: Record<string, string>; values: Record<string, string>; n: number; saved?: boolean };

export const PROBLEM_MESSAGES: Record<Problem, string> = {
  not_found: "Action introuvable.",
  forbidden: "Vous ne pouvez pas faire cela pour cette action.",
  wrong_status: "L'action n'est plus dans un état qui le permet (elle a peut-être déjà été traitée).",
  too_early: "Le bilan et les consentements se saisissent à partir du jour de l'action.",
  too_late: "Le bilan n'est plus modifiable (30 jours après l'action) : demandez au responsable du territoire.",
  site: "Lieu de collecte inconnu.",
  neighbourhood: "Quartier inconnu.",
};

export const actorOf = (user: { id: string; role: string }): Actor => ({ userId: user.id, lead: can(user as never, "outreach:validate") });

export const suffix = (user: { role: string }, slug: string, extra: Record<string, string> = {}) => {
  const q = new URLSearchParams({ ...(user.role === "admin" ? { t: slug } : {}), ...extra }).toString();
  return q ? `?${q}` : "";
};

async function context(slug: string | undefined, permission: Permission = "outreach:propose") {
  const user = await getStaffUser();
  if (!user || !can(user, permission)) return null;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, slug);
  return { user, db, territory, actor: actorOf(user), now: new Date() };
}

const textValues = (form: FormData, keys: string[]) => Object.fromEntries(keys.map((k) => [k, String(form.get(k) ?? "").slice(0, 2100)]));

const PROPOSAL_FIELDS = ["actionId", "heldOn", "startsAt", "endsAt", "actionType", "placeType", "siteId", "placeLabel", "neighbourhoodId", "audience", "team"];

export async function submitProposal(slug: string | undefined, prev: FormState, form: FormData): Promise<FormState> {
  const values = textValues(form, PROPOSAL_FIELDS);
  const refuse = (errors: Record<string, string>) => ({ errors, values, n: prev.n + 1 });
  const ctx = await context(slug);
  if (!ctx) return refuse({ form: "Action non autorisée." });
  const { user, db, territory, actor, now } = ctx;
  if (!isUuid(values.actionId)) return refuse({ form: "Le formulaire n'a pas pu être lu. Rechargez la page et réessayez." });
  const parsed = proposalSchema(parisDay(now)).safeParse(values);
  if (!parsed.success) return refuse(fieldErrors(parsed.error));
  const r = await proposeAction(db, territory.id, actor, values.actionId.toLowerCase(), parsed.data, now);
  if (!r.ok) return refuse(r.problem === "site" ? { siteId: PROBLEM_MESSAGES.site } : r.problem === "neighbourhood" ? { neighbourhoodId: PROBLEM_MESSAGES.neighbourhood } : { form: PROBLEM_MESSAGES[r.problem] });
  redirect(`/staff/aller-vers/${r.id}${suffix(user, territory.slug, { msg: "proposed" })}`);
}

/** Validate / refuse / cancel: a refusal comes back as a message key in the URL. */
export async function submitDecision(slug: string | undefined, id: string, form: FormData) {
  const ctx = await context(slug, "outreach:validate");
  if (!ctx) redirect("/staff/aller-vers");
  const { user, db, territory, actor, now } = ctx;
  if (!isUuid(id)) redirect(`/staff/aller-vers${suffix(user, territory.slug, {})}`);
  const back = (msg: string) => redirect(`/staff/aller-vers/${id}${suffix(user, territory.slug, { msg })}#decision`);
  const parsed = decisionSchema.safeParse(textValues(form, ["decision", "note"]));
  if (!parsed.success) back(Object.keys(fieldErrors(parsed.error))[0] === "note" ? "note_required" : "form");
  const r = await decideAction(db, territory.id, actor, id.toLowerCase(), parsed.data!, parisDay(now), now);
  back(r.ok ? (parsed.data!.decision === "validate" ? "validated" : "refused") : r.problem);
}

export async function submitCancel(slug: string | undefined, id: string, form: FormData) {
  const ctx = await context(slug);
  if (!ctx) redirect("/staff/aller-vers");
  const { user, db, territory, actor, now } = ctx;
  if (!isUuid(id)) redirect(`/staff/aller-vers${suffix(user, territory.slug, {})}`);
  const back = (msg: string) => redirect(`/staff/aller-vers/${id}${suffix(user, territory.slug, { msg })}`);
  if (!z.object({ confirm: z.literal("1") }).safeParse({ confirm: form.get("confirm") }).success) back("confirm_cancel");
  const r = await cancelAction(db, territory.id, actor, id.toLowerCase(), parisDay(now), now);
  back(r.ok ? "cancelled" : r.problem);
}

export async function submitReport(slug: string | undefined, id: string, prev: FormState, form: FormData): Promise<FormState> {
  const ctx = await context(slug);
  const codes = ctx ? (await listCatalogue(ctx.db, ctx.territory.id)).map((b) => b.code) : [];
  const values = textValues(form, ["peopleMet", "potentialNonRecours", "orientations", "questionnairesCollected", "lessons", ...codes.map((c) => `guide_${c}`)]);
  const refuse = (errors: Record<string, string>) => ({ errors, values, n: prev.n + 1 });
  if (!ctx || !isUuid(id)) return refuse({ form: "Action non autorisée." });
  const { user, db, territory, actor, now } = ctx;
  const parsed = reportSchema(codes).safeParse(values);
  if (!parsed.success) return refuse(fieldErrors(parsed.error));
  const r = await reportAction(db, territory.id, actor, id.toLowerCase(), parsed.data, parisDay(now), now);
  if (!r.ok) return refuse({ form: PROBLEM_MESSAGES[r.problem] });
  redirect(`/staff/aller-vers/${id}${suffix(user, territory.slug, { msg: "reported" })}`);
}

/**
 * A consent taken at the stand. On a shared tablet the next person must see nothing of the
 * previous one: a saved consent comes back as an empty form (a new one-time key); a refused one
 * keeps what was typed so that the same person can correct it — the page is theirs until then.
 * Error values are message keys (callback.errors.* / outreach.errors.*).
 */
export type ConsentState = { errors: Record<string, string>; values: Record<string, string | string[]>; n: number; saved: boolean; key: string };

export async function submitConsent(slug: string | undefined, id: string, prev: ConsentState, form: FormData): Promise<ConsentState> {
  const values: Record<string, string | string[]> = textValues(form, ["firstName", "phone", "email", "channel", "language", "companion", "accessibility", "consent", "captureMode", "signedOn", "neighbourhoodId"]);
  values.days = form.getAll("days").map(String).slice(0, 7);
  values.times = form.getAll("times").map(String).slice(0, 3);
  const key = String(form.get("submissionKey") ?? "").slice(0, 60);
  const refuse = (errors: Record<string, string>) => ({ errors, values, n: prev.n + 1, saved: false, key });
  const ctx = await context(slug);
  if (!ctx || !isUuid(id)) return refuse({ form: "not_found" });
  const { db, territory, actor, now } = ctx;
  const action = await getAction(db, territory.id, actor, id.toLowerCase());
  if (!action) return refuse({ form: "not_found" });
  const today = parisDay(now);
  const parsed = parseStandConsent({ ...optInInput(form), captureMode: values.captureMode, signedOn: values.signedOn || undefined, neighbourhoodId: values.neighbourhoodId, submissionKey: key }, { heldOn: action.action.heldOn, today });
  if (!parsed.ok) return refuse(parsed.errors);
  const r = await takeStandConsent(db, territory.id, actor, id.toLowerCase(), parsed.value, today, now, territory.settings.callbackDeadlineWorkingDays ?? 5);
  if (!r.ok) return refuse({ form: r.problem });
  // Saved: nothing of this person comes back, only the capture mode (the next form is the same kind).
  return { errors: {}, values: { captureMode: parsed.value.captureMode }, n: prev.n + 1, saved: true, key: `consent:${randomUUID()}` };
}
