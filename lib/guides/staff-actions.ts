import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { FORM_MESSAGE } from "@/lib/validation/parsers";
import { FIELD_MESSAGES, parseGuideForm, readGuideForm, VERSION, type GuideFormValues } from "./guide-form";
import { GUIDE_CODE } from "./page-context";
import { saveGuideVersion, validateGuide } from "./store";

/**
 * The bodies of the guide server actions (app/staff/guides/actions.ts): permission and territory
 * first, then the form (benefitGuideSchema), then one transactional write and post/redirect/get.
 */
export type GuideEditState = { errors: Record<string, string>; values: GuideFormValues | null; n: number };

const CONFLICT = "Une autre version a été enregistrée entre-temps\u00a0: rechargez la page pour partir de la dernière version.";

async function context(slug: string | undefined) {
  const user = await getStaffUser();
  if (!user || !can(user, "guides:edit")) return null;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, slug);
  return { user, db, territory };
}

const guidesHome = (user: { role: string }, slug: string) => (user.role === "admin" ? `/staff/guides?t=${encodeURIComponent(slug)}` : "/staff/guides");

export function guidePath(code: string, user: { role: string }, slug: string, msg?: string) {
  const q = new URLSearchParams({ ...(user.role === "admin" ? { t: slug } : {}), ...(msg ? { msg } : {}) }).toString();
  return `/staff/guides/${code}${q ? `?${q}` : ""}`;
}

/** Saves the edited sheet as a new version ("to_check"), or returns French messages by field. */
export async function submitGuide(slug: string | undefined, code: string, prev: GuideEditState, form: FormData): Promise<GuideEditState> {
  const refuse = (errors: Record<string, string>, values: GuideFormValues | null = prev.values) => ({ errors, values, n: prev.n + 1 });
  const ctx = await context(slug);
  if (!ctx || !GUIDE_CODE.test(code)) return refuse({ form: "Action non autorisée." });
  const { user, db, territory } = ctx;
  const parsed = parseGuideForm(code, form);
  if (!parsed.ok) return refuse(parsed.errors, parsed.values);
  const r = await saveGuideVersion(db, { territoryId: territory.id, actorUserId: user.id, baseVersion: parsed.baseVersion, content: parsed.guide, note: parsed.note });
  if (!r.ok) return refuse({ form: r.reason === "conflict" ? CONFLICT : FORM_MESSAGE }, readGuideForm(form));
  redirect(guidePath(code, user, territory.slug, r.created ? "saved" : "unchanged"));
}

/** Marks the sheet validated (a new version); the outcome comes back as a message key in the URL. */
export async function submitValidation(slug: string | undefined, code: string, form: FormData) {
  const ctx = await context(slug);
  if (!ctx) redirect("/staff/guides");
  const { user, db, territory } = ctx;
  if (!GUIDE_CODE.test(code)) redirect(guidesHome(user, territory.slug));
  const base = VERSION.safeParse(form.get("baseVersion"));
  if (!base.success) redirect(guidePath(code, user, territory.slug, "form"));
  const baseVersion = base.data;
  const r = await validateGuide(db, { territoryId: territory.id, actorUserId: user.id, code, baseVersion });
  if (!r.ok && r.reason === "not_found") redirect(guidesHome(user, territory.slug));
  const msg = r.ok ? (r.created ? "validated" : "alreadyValidated") : r.reason === "conflict" ? "conflict" : "noSheet";
  redirect(guidePath(code, user, territory.slug, msg));
}
