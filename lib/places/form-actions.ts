import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { getStaffUser } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { FORM_MESSAGE, isUuid, UUID_PATTERN } from "@/lib/validation/parsers";
import { helpPointRawFromForm } from "./help-point-schema";
import type { HelpPointView } from "./queries";
import { DISABILITY_KINDS } from "./reference";
import { STAFF_PLACES_PATH } from "./staff-context";
import { saveHelpPoint, setHelpPointArchived } from "./store";

/** The bodies of the staff help-point server actions: permission and territory first, then zod, then one transaction. */
export type HelpPointFormState = { errors: Record<string, string>; values: Record<string, string | string[]>; n: number };

const FORM_KEY = new RegExp(`^${UUID_PATTERN.source.slice(1, -1)}$`, "i");

async function context(slug: string | undefined) {
  const user = await getStaffUser();
  if (!user || !can(user, "places:manage")) return null;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, slug);
  return { user, db, territory };
}

const back = (role: string, slug: string, params: Record<string, string>) => {
  const qs = new URLSearchParams({ ...(role === "admin" ? { t: slug } : {}), ...params }).toString();
  return `${STAFF_PLACES_PATH}?${qs}`;
};

/** What the form shows back after a refusal: every field as typed. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v !== "string" || k.startsWith("$")) continue;
    if (k === "benefitCodes") out[k] = [...((out[k] as string[]) ?? []), v.slice(0, 40)];
    else out[k] = v.slice(0, 2000);
  }
  return out;
}

export async function submitHelpPoint(slug: string | undefined, id: string | null, prev: HelpPointFormState, form: FormData): Promise<HelpPointFormState> {
  const values = formValues(form);
  const refuse = (errors: Record<string, string>) => ({ errors, values, n: prev.n + 1 });
  const ctx = await context(slug);
  if (!ctx || (id !== null && !isUuid(id))) return refuse({ form: "Action non autorisée." });
  const key = String(form.get("formKey") ?? "");
  if (!id && !FORM_KEY.test(key)) return refuse({ form: FORM_MESSAGE });
  const r = await saveHelpPoint(ctx.db, ctx.territory.id, id?.toLowerCase() ?? null, helpPointRawFromForm(form), { userId: ctx.user.id, kind: "staff" }, key.toLowerCase());
  if (!r.ok) return refuse(r.errors);
  redirect(back(ctx.user.role, ctx.territory.slug, { msg: id ? "modifie" : "ajoute" }));
}

export async function submitArchive(slug: string | undefined, id: string, archived: boolean) {
  const ctx = await context(slug);
  if (!ctx || !isUuid(id)) return;
  await setHelpPointArchived(ctx.db, ctx.territory.id, id.toLowerCase(), archived, { userId: ctx.user.id, kind: "staff" });
  redirect(back(ctx.user.role, ctx.territory.slug, { msg: archived ? "archive" : "restaure" }));
}

/** A stored place as the form's values (the inverse of helpPointRawFromForm). */
export function formValuesOf(p: HelpPointView | null): Record<string, string | string[]> {
  if (!p) return { category: "maison_pour_tous" };
  const str = (x: string | number | null | undefined) => (x === null || x === undefined ? "" : String(x));
  const kinds = p.accessibility.kinds ?? {};
  return {
    name: p.name, category: p.category, mission: str(p.mission), address: str(p.address), postcode: str(p.postcode), city: str(p.city),
    lon: str(p.lon), lat: str(p.lat), phone: str(p.phone), email: str(p.email), website: str(p.website), openingHours: str(p.openingHours),
    openingNote: str(p.openingNote), languages: p.languages.join(", "), benefitCodes: p.benefitCodes, appointmentUrl: str(p.appointmentUrl),
    bookingMotiveId: str(p.bookingMotiveId), transitLines: (p.transit.lines ?? []).join(", "), transitStop: str(p.transit.stop),
    ...Object.fromEntries(DISABILITY_KINDS.map((k) => [`access_${k}`, kinds[k] ?? "unknown"])),
    stepFree: p.accessibility.stepFree === true ? "yes" : p.accessibility.stepFree === false ? "no" : "unknown",
    accessNote: str(p.accessibility.note), acceslibreUrl: str(p.acceslibreUrl),
  };
}
