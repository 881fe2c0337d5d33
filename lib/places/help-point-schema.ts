import { parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import { hasControlChars, UUID_PATTERN } from "@/lib/validation/parsers";
import { parseOpeningHours } from "./opening-hours";
import { DISABILITY_KINDS, HELP_POINT_CATEGORIES, type AccessLevel, type HelpPointAccessibility, type HelpPointCategory, type HelpPointTransit } from "./reference";

/**
 * One validation for a help point, whatever the way in (the staff form, a data·inclusion import):
 * French messages per field, phone normalised, HTML stripped from the mission, opening hours
 * checked by the library and stored in its normalised form.
 */
export type HelpPointInput = {
  name: string; category: HelpPointCategory; mission: string | null; address: string | null; postcode: string | null;
  city: string | null; lon: number | null; lat: number | null; phone: string | null; email: string | null;
  website: string | null; openingHours: string | null; openingNote: string | null; languages: string[];
  benefitCodes: string[]; appointmentUrl: string | null; bookingMotiveId: string | null; transit: HelpPointTransit;
  accessibility: HelpPointAccessibility; acceslibreUrl: string | null;
};

const decodeEntities = (s: string) =>
  s.replace(/&nbsp;/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, "&");

/**
 * Plain text from possibly-HTML text: entities decoded FIRST (so "&lt;script&gt;" cannot come
 * back as a tag), then tags dropped (block tags become line breaks) until none is left.
 */
export function stripHtml(value: string): string {
  let s = decodeEntities(value);
  for (let prev = ""; prev !== s;) {
    prev = s;
    s = s
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<\s*(br|\/p|\/div|\/li|\/h\d)\s*\/?>/gi, "\n")
      .replace(/<\/?[a-z!?][^<>]*>/gi, "");
  }
  return s.replace(/[ \t]+\n/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

/** French national format ("04 67 34 70 00") or a short number, or null when it is not a valid number. */
export function normalisePhone(value: string): string | null {
  // French short service numbers (3230 CAF, 3646 CPAM, 3960 retraite) are what those desks publish.
  if (/^\s*3\d{3}\s*$/.test(value)) return value.trim();
  const p = parsePhoneNumberFromString(value, "FR");
  return p?.isValid() ? (p.country === "FR" ? p.formatNational() : p.formatInternational()) : null;
}

const empty = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");
const optional = <T extends z.ZodType>(s: T) => z.preprocess((v) => (empty(v) ? null : typeof v === "string" ? v.trim() : v), s.nullable());
const line = (max: number, label: string) =>
  z.string().max(max, { error: `${label} : ${max} caractères au plus.` }).refine((s) => !hasControlChars(s, false), { error: `${label} : caractères non autorisés.` });
const httpUrl = (label: string) =>
  line(500, label).refine((s) => { try { return ["http:", "https:"].includes(new URL(s).protocol); } catch { return false; } }, { error: `${label} : une adresse web complète (https://…).` });
const coordinate = (min: number, max: number, label: string) =>
  optional(z.coerce.number({ error: `${label} : un nombre.` }).min(min, { error: `${label} : entre ${min} et ${max}.` }).max(max, { error: `${label} : entre ${min} et ${max}.` }));
const codeList = (label: string) =>
  z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,;|]/) : []).map((s) => String(s).trim()).filter(Boolean),
    z.array(z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, { error: `${label} : codes en minuscules (ex. rsa, fr).` })).max(40),
  );
const accessLevel = z.preprocess(
  (v) => (empty(v) ? "unknown" : v),
  z.enum(["yes", "partial", "no", "unknown"] satisfies AccessLevel[], { error: "Accessibilité : oui, partiel, non ou inconnu." }),
);

export const helpPointInputSchema = z
  .object({
    name: z.string({ error: "Nom : obligatoire." }).trim().min(2, { error: "Nom : obligatoire (2 caractères au moins)." }).pipe(line(200, "Nom")),
    category: z.enum(HELP_POINT_CATEGORIES, { error: "Catégorie inconnue." }),
    mission: optional(z.string().transform(stripHtml).pipe(z.string().max(2000, { error: "Mission : 2 000 caractères au plus." }).refine((s) => !hasControlChars(s), { error: "Mission : caractères non autorisés." }))),
    address: optional(line(300, "Adresse")),
    postcode: optional(z.string().regex(/^\d{5}$/, { error: "Code postal : 5 chiffres." })),
    city: optional(line(120, "Commune")),
    lon: coordinate(-180, 180, "Longitude"),
    lat: coordinate(-90, 90, "Latitude"),
    phone: optional(z.string().max(40, { error: "Téléphone : numéro invalide." }).transform((v, ctx) => {
      const n = normalisePhone(v);
      if (!n) ctx.addIssue({ code: "custom", message: "Téléphone : numéro invalide (ex. 04 67 34 70 00)." });
      return n ?? "";
    })),
    email: optional(z.email({ error: "Courriel : adresse invalide." }).max(200, { error: "Courriel : adresse invalide." })),
    website: optional(httpUrl("Site web")),
    openingHours: optional(z.string().max(1000, { error: "Horaires : 1 000 caractères au plus." }).transform((v, ctx) => {
      const r = parseOpeningHours(v);
      if (!r.ok) ctx.addIssue({ code: "custom", message: `Horaires (syntaxe OpenStreetMap opening_hours) invalides : ${r.error}` });
      return r.ok ? r.normalised : v;
    })),
    openingNote: optional(line(300, "Précision sur les horaires")),
    languages: codeList("Langues"),
    benefitCodes: codeList("Prestations"),
    appointmentUrl: optional(httpUrl("Lien de prise de rendez-vous")),
    bookingMotiveId: optional(z.string().regex(UUID_PATTERN, { error: "Motif de rendez-vous inconnu." }).transform((s) => s.toLowerCase())),
    transitLines: z.preprocess(
      (v) => (Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,;|]/) : []).map((s) => String(s).trim()).filter(Boolean),
      z.array(line(40, "Lignes")).max(20, { error: "Lignes : 20 au plus." }),
    ),
    transitStop: optional(line(120, "Arrêt")),
    access: z.preprocess((v) => v ?? {}, z.object({ physical: accessLevel, hearing: accessLevel, visual: accessLevel, cognitive: accessLevel, psychic: accessLevel })),
    stepFree: z.preprocess((v) => (empty(v) || v === "unknown" ? null : v === true || v === "yes" || v === "true" || v === "oui"), z.boolean().nullable()),
    accessNote: optional(line(300, "Précision sur l'accessibilité")),
    acceslibreUrl: optional(httpUrl("Fiche Acceslibre")),
  })
  .transform((v): HelpPointInput => {
    const kinds = Object.fromEntries(Object.entries(v.access).filter(([, l]) => l !== "unknown"));
    return {
      name: v.name, category: v.category, mission: v.mission || null, address: v.address, postcode: v.postcode, city: v.city,
      lon: v.lon, lat: v.lat, phone: v.phone || null, email: v.email?.toLowerCase() ?? null, website: v.website,
      openingHours: v.openingHours, openingNote: v.openingNote, languages: [...new Set(v.languages)], benefitCodes: [...new Set(v.benefitCodes)],
      appointmentUrl: v.appointmentUrl, bookingMotiveId: v.bookingMotiveId,
      transit: { ...(v.transitLines.length ? { lines: v.transitLines } : {}), ...(v.transitStop ? { stop: v.transitStop } : {}) },
      accessibility: { ...(Object.keys(kinds).length ? { kinds } : {}), ...(v.stepFree !== null ? { stepFree: v.stepFree } : {}), ...(v.accessNote ? { note: v.accessNote } : {}) },
      acceslibreUrl: v.acceslibreUrl,
    };
  })
  .superRefine((v, ctx) => {
    if ((v.lon === null) !== (v.lat === null)) ctx.addIssue({ code: "custom", path: ["lat"], message: "Position : longitude et latitude ensemble, ou aucune." });
  });

export type HelpPointRaw = z.input<typeof helpPointInputSchema>;

/** The form's fields (FormData) as the schema's raw input. */
export function helpPointRawFromForm(form: FormData): Record<string, unknown> {
  const s = (k: string) => { const v = form.get(k); return typeof v === "string" ? v : ""; };
  return {
    name: s("name"), category: s("category"), mission: s("mission"), address: s("address"), postcode: s("postcode"), city: s("city"),
    lon: s("lon"), lat: s("lat"), phone: s("phone"), email: s("email"), website: s("website"), openingHours: s("openingHours"),
    openingNote: s("openingNote"), languages: s("languages"), benefitCodes: form.getAll("benefitCodes").map(String).join(","),
    appointmentUrl: s("appointmentUrl"), bookingMotiveId: s("bookingMotiveId"), transitLines: s("transitLines"), transitStop: s("transitStop"),
    access: Object.fromEntries(DISABILITY_KINDS.map((k) => [k, s(`access_${k}`)])), stepFree: s("stepFree"), accessNote: s("accessNote"),
    acceslibreUrl: s("acceslibreUrl"),
  };
}
