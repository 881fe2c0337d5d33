import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { parisDay } from "@/lib/booking/slots";
import { requestExists } from "@/lib/callbacks/handle-request";
import { fieldErrors } from "@/lib/http/field-errors";
import { isUuid, UUID_PATTERN } from "@/lib/validation/parsers";
import { addFollowUp, followUpSchema, STATUS_MESSAGES } from "./follow-ups";
import { findHouseholdByCode } from "./households";
import { identitySchema, setIdentity } from "./identity";
import { loadLists } from "./options";
import { recordSituation, updateSituation, type RecordProblem } from "./record-situation";
import { listServices } from "./services";
import { parseSituation, situationFormValues, type FormValues } from "./situation-schema";

/**
 * The bodies of the detection server actions (app/staff/reperage/actions.ts): the permission and
 * the territory first, on the server; then zod; then one transactional write; then
 * post/redirect/get. A refused form comes back with its values and French messages.
 */
export type SituationFormState = { errors: Record<string, string>; values: FormValues; n: number };

const FORM_KEY = new RegExp(`^form:${UUID_PATTERN.source.slice(1, -1)}$`, "i");
const PROBLEMS: Record<RecordProblem, [string, string]> = {
  unknown_household: ["householdCode", "Ménage introuvable dans ce territoire : vérifiez le code."],
  caused_by: ["causedById", "La situation d'origine doit être une autre situation du même ménage."],
  sector: ["sectorId", "Secteur inconnu."],
  site: ["siteId", "Lieu inconnu."],
  neighbourhood: ["neighbourhoodId", "Quartier inconnu."],
};
const householdSchema = z.object({
  peopleCount: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number({ error: "Personnes du ménage : un entier de 1 à 30." }).int({ error: "Personnes du ménage : un entier de 1 à 30." }).min(1, { error: "Personnes du ménage : un entier de 1 à 30." }).max(30, { error: "Personnes du ménage : un entier de 1 à 30." }).optional()),
  neighbourhoodId: z.preprocess((v) => (v === "" ? undefined : v), z.string().regex(UUID_PATTERN, { error: "Quartier inconnu." }).optional()),
});

const suffix = (user: { role: string }, slug: string, extra: Record<string, string> = {}) => {
  const q = new URLSearchParams({ ...(user.role === "admin" ? { t: slug } : {}), ...extra }).toString();
  return q ? `?${q}` : "";
};

async function context(slug: string | undefined) {
  const user = await getStaffUser();
  if (!user || !can(user, "detection:record")) return null;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, slug);
  return { user, db, territory };
}

/** Records a new situation (no id) or edits one. */
export async function submitSituation(slug: string | undefined, situationId: string | null, prev: SituationFormState, form: FormData): Promise<SituationFormState> {
  const values = situationFormValues(form);
  for (const k of ["householdCode", "peopleCount", "neighbourhoodId", "idempotencyKey", "reviewRequestId"]) values[k] = String(form.get(k) ?? "").slice(0, 200);
  const refuse = (errors: Record<string, string>) => ({ errors, values, n: prev.n + 1 });
  const ctx = await context(slug);
  if (!ctx || (situationId !== null && !isUuid(situationId))) return refuse({ form: "Action non autorisée." });
  const { user, db, territory } = ctx;
  const now = new Date();
  const parsed = parseSituation({ today: parisDay(now), lists: await loadLists(db, territory.id), services: await listServices(db, territory.id) }, values);
  const household = householdSchema.safeParse(values);
  if (!parsed.success || !household.success) return refuse({ ...(household.success ? {} : fieldErrors(household.error)), ...(parsed.success ? {} : fieldErrors(parsed.error)) });

  if (situationId) {
    const r = await updateSituation(db, territory.id, situationId.toLowerCase(), user.id, parsed.data, now);
    if (!r.ok) return refuse(r.problem === "not_found" ? { form: "Situation introuvable." } : Object.fromEntries([PROBLEMS[r.problem]]));
    redirect(`/staff/reperage/situations/${situationId}${suffix(user, territory.slug, { msg: "saved" })}`);
  }

  const reviewRequestId = String(values.reviewRequestId) || null;
  let key = String(values.idempotencyKey);
  if (reviewRequestId) {
    if (!isUuid(reviewRequestId) || !(await requestExists(db, territory.id, reviewRequestId.toLowerCase()))) return refuse({ form: "Demande d'étude de droits introuvable." });
    if (!parsed.data.benefitCode) return refuse({ benefitCode: "Choisissez la prestation étudiée." });
    key = `review:${reviewRequestId.toLowerCase()}:${parsed.data.benefitCode}`;
  } else if (!FORM_KEY.test(key)) {
    return refuse({ form: "Le formulaire n'a pas pu être lu. Rechargez la page et réessayez." });
  }
  const code = String(values.householdCode).trim();
  const r = await recordSituation(db, {
    territoryId: territory.id, workerId: user.id, input: parsed.data, idempotencyKey: key.toLowerCase(),
    household: code ? { code } : { new: household.data }, source: reviewRequestId ? "review" : "form", reviewRequestId: reviewRequestId?.toLowerCase() ?? null, now,
  });
  if (!r.ok) return refuse(Object.fromEntries([PROBLEMS[r.problem]]));
  redirect(`/staff/reperage/situations/${r.id}${suffix(user, territory.slug, { msg: r.created ? "recorded" : "already" })}`);
}

/** A follow-up entry (and maybe a status change); a refusal comes back as a message key in the URL. */
export async function submitFollowUp(slug: string | undefined, situationId: string, form: FormData) {
  const ctx = await context(slug);
  if (!ctx || !isUuid(situationId)) redirect("/staff/reperage");
  const { user, db, territory } = ctx;
  const back = (msg: string) => redirect(`/staff/reperage/situations/${situationId}${suffix(user, territory.slug, { msg })}#suivi`);
  const key = String(form.get("idempotencyKey") ?? "");
  if (!FORM_KEY.test(key)) back("form");
  const parsed = followUpSchema.safeParse(Object.fromEntries(["note", "nextStep", "remindOn", "status", "resolution", "resolvedOn", "openedMonthly"].map((k) => [k, String(form.get(k) ?? "")])));
  if (!parsed.success) back(`fu_${Object.keys(fieldErrors(parsed.error))[0]}`);
  const now = new Date();
  const r = await addFollowUp(db, { territoryId: territory.id, situationId: situationId.toLowerCase(), authorId: user.id, idempotencyKey: key.toLowerCase(), input: parsed.data!, today: parisDay(now), now });
  if (!r.ok) back(r.problem === "not_found" ? "form" : r.problem);
  back("followed");
}
export const FOLLOW_UP_MESSAGES: Record<string, string> = {
  ...STATUS_MESSAGES,
  form: "Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.",
  fu_note: "Écrivez ce qui a été fait (2000 caractères au plus).",
  fu_nextStep: "Prochaine étape : 300 caractères au plus.",
  fu_remindOn: "Date de rappel invalide.",
  fu_status: "Statut inconnu.",
  fu_resolution: "Issue inconnue.",
  fu_resolvedOn: "Date de résolution invalide.",
  fu_openedMonthly: "Montant mensuel : un nombre de 0 à 100000 €.",
};

/** Sets the private identity of a household (detection:identity only). */
export async function submitIdentity(slug: string | undefined, code: string, form: FormData) {
  const user = await getStaffUser();
  if (!user || !can(user, "detection:identity")) redirect("/staff/reperage");
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, slug);
  const household = await findHouseholdByCode(db, territory.id, code);
  if (!household) redirect("/staff/reperage");
  const base = `/staff/reperage/menages/${encodeURIComponent(household.code)}`;
  const parsed = identitySchema.safeParse({ name: String(form.get("name") ?? ""), caf: String(form.get("caf") ?? ""), cpam: String(form.get("cpam") ?? "") });
  if (!parsed.success) redirect(`${base}${suffix(user, territory.slug, { msg: `id_${Object.keys(fieldErrors(parsed.error))[0]}` })}#identite`);
  await setIdentity(db, territory.id, household.id, user.id, parsed.data!);
  redirect(`${base}${suffix(user, territory.slug, { msg: "identitySaved" })}#identite`);
}
