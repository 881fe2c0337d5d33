import { z } from "zod";
import { frenchSpaces } from "@/lib/i18n/typography";
import { hasControlChars } from "@/lib/validation/parsers";
import { AUDIENCES, benefitGuideSchema, LIFE_MOMENTS, ORGANISMS, type BenefitGuide, type Localized } from "./guide-schema";

/**
 * The lead's edit form (no JavaScript needed): plain fields, and the lists as one item per line
 * with " | " between the parts, e.g. "age25 | oui | Avez-vous 25 ans ? | Are you 25?".
 * Pure: FormData in, a sheet checked by benefitGuideSchema out, or French messages by field.
 */
export type GuideFormValues = Record<string, string | string[]>;
export type GuideFormResult =
  | { ok: true; guide: BenefitGuide; note: string | null; baseVersion: number }
  | { ok: false; errors: Record<string, string>; values: GuideFormValues };

type FormLike = { get(name: string): unknown; getAll(name: string): unknown[] };

const TEXT_FIELDS = [
  "title_fr", "title_en", "whatItIs_fr", "whatItIs_en", "whoPays_fr", "whoPays_en", "checklist", "documents", "steps",
  "form_number", "form_label_fr", "form_label_en", "where_fr", "where_en", "amount_fr", "amount_en", "amount_asOf",
  "amount_source", "lastCheckedOn", "note", "baseVersion",
] as const;
const MULTI_FIELDS = ["organisms", "audiences", "lifeMoments"] as const;
const MAX_TEXT = 3000;
/** The version the editor started from: digits only (an empty or missing value is not version 0). */
export const VERSION = z.string().regex(/^\d{1,6}$/).transform(Number);

/** Text only: HTML tags are removed (React escapes the output too; nothing rich is stored). */
export function stripTags(text: string): string {
  // Only complete tags: "revenus <plafond" is text, not the start of a tag to swallow.
  let s = text;
  for (let prev = ""; prev !== s;) { prev = s; s = s.replace(/<\/?[a-z!?][^<>]*>/gi, ""); }
  return s.replace(/\r\n?/g, "\n");
}

export const FIELD_MESSAGES: Record<string, string> = Object.fromEntries(Object.entries({
  form: "Le formulaire n'a pas pu être lu. Rechargez la page et réessayez.",
  title_fr: "Titre en français : obligatoire.",
  title_en: "Titre en anglais : obligatoire.",
  whatItIs_fr: "« En quoi cela consiste » en français : obligatoire.",
  whatItIs_en: "« En quoi cela consiste » en anglais : obligatoire.",
  organisms: "Cochez au moins un organisme qui verse l'aide.",
  whoPays_fr: "« Qui la verse » en français : obligatoire.",
  audiences: "Cochez au moins une édition (public).",
  lifeMoments: "Moment de vie inconnu.",
  checklist: "Liste de vérification : de 2 à 8 lignes « identifiant | oui ou non | question en français | question en anglais », identifiants distincts en minuscules.",
  documents: "Documents : au moins une ligne « original ou copie | libellé en français | libellé en anglais ».",
  steps: "Étapes : au moins une ligne « étape en français | étape en anglais ».",
  form_number: "Numéro de cerfa attendu sous la forme 11174*05, ou laissez vide.",
  form_label_fr: "Formulaire : décrivez le formulaire ou le dossier à remplir, en français.",
  where_fr: "« Où faire la demande » en français : obligatoire.",
  amount_fr: "Montant : écrivez l'ordre de grandeur en français, ou videz les quatre champs du montant.",
  amount_asOf: "Date du montant : au format AAAA-MM-JJ, et qui existe.",
  amount_source: "Source du montant : obligatoire quand un montant est indiqué.",
  lastCheckedOn: "Date de dernière vérification : au format AAAA-MM-JJ, et qui existe.",
  note: "Note : 300 caractères au plus.",
  length: `Texte trop long : ${MAX_TEXT} caractères au plus par champ.`,
}).map(([k, v]) => [k, frenchSpaces(v)]));

/** The form's raw values (also what a refused form shows back). */
export function readGuideForm(form: FormLike): GuideFormValues {
  const values: GuideFormValues = {};
  for (const k of TEXT_FIELDS) {
    const v = form.get(k);
    values[k] = typeof v === "string" ? v : "";
  }
  for (const k of MULTI_FIELDS) values[k] = form.getAll(k).filter((v): v is string => typeof v === "string");
  return values;
}

const loc = (fr: string, en: string): Localized => (en.trim() ? { fr: fr.trim(), en: en.trim() } : { fr: fr.trim() });
const parts = (line: string) => line.split("|").map((p) => p.trim());
const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

function parseChecklist(text: string) {
  return lines(text).map((line) => {
    const [id = "", answer = "", fr = "", en = ""] = parts(line);
    const a = answer.toLowerCase();
    const expected = a === "oui" || a === "yes" ? "yes" : a === "non" || a === "no" ? "no" : answer;
    return { id, expected, question: loc(fr, en) };
  });
}

function parseDocuments(text: string) {
  return lines(text).map((line) => {
    const [kind = "", fr = "", en = ""] = parts(line);
    const k = kind.toLowerCase();
    return { label: loc(fr, en), original: k === "original" ? true : k === "copie" || k === "copy" ? false : kind };
  });
}

/** Maps a schema issue's path to the form field that shows its message. */
function fieldOf(path: readonly PropertyKey[]): string {
  const [a, b, c] = path.map(String);
  if (a === "title" || a === "whatItIs") return `${a}_${b === "en" ? "en" : "fr"}`;
  if (a === "whoPays") return b === "organisms" ? "organisms" : "whoPays_fr";
  if (a === "form") return b === "number" ? "form_number" : "form_label_fr";
  if (a === "whereToApply") return "where_fr";
  if (a === "amount") return b === "asOf" ? "amount_asOf" : b === "source" ? "amount_source" : "amount_fr";
  void c;
  return a in FIELD_MESSAGES ? a : "form";
}

/** Pure: the submitted form as a sheet for `code`, with status "to_check" (an edit is checked again). */
export function parseGuideForm(code: string, form: FormLike): GuideFormResult {
  const values = readGuideForm(form);
  const errors: Record<string, string> = {};
  const text = (k: (typeof TEXT_FIELDS)[number]) => stripTags(values[k] as string).trim();
  for (const k of TEXT_FIELDS) {
    const v = values[k] as string;
    if (v.length > MAX_TEXT) errors[k] = FIELD_MESSAGES.length;
    else if (hasControlChars(v)) errors[k] = FIELD_MESSAGES.form;
  }
  const note = text("note");
  if (note.length > 300) errors.note = FIELD_MESSAGES.note;
  const base = VERSION.safeParse(values.baseVersion);
  const baseVersion = base.success ? base.data : -1;
  if (!base.success) errors.form = FIELD_MESSAGES.form;

  const amountParts = [text("amount_fr"), text("amount_en"), text("amount_asOf"), text("amount_source")];
  const candidate = {
    code,
    title: { fr: text("title_fr"), en: text("title_en") },
    whatItIs: { fr: text("whatItIs_fr"), en: text("whatItIs_en") },
    whoPays: { organisms: values.organisms, text: loc(text("whoPays_fr"), text("whoPays_en")) },
    audiences: values.audiences,
    lifeMoments: values.lifeMoments,
    checklist: parseChecklist(text("checklist")),
    documents: parseDocuments(text("documents")),
    steps: lines(text("steps")).map((l) => { const [fr = "", en = ""] = parts(l); return loc(fr, en); }),
    form: { number: text("form_number") || null, label: loc(text("form_label_fr"), text("form_label_en")) },
    whereToApply: loc(text("where_fr"), text("where_en")),
    amount: amountParts.some(Boolean) ? { text: loc(amountParts[0], amountParts[1]), asOf: amountParts[2], source: amountParts[3] } : null,
    lastCheckedOn: text("lastCheckedOn"),
    status: "to_check" as const,
  };
  const parsed = benefitGuideSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) errors[fieldOf(issue.path)] ??= FIELD_MESSAGES[fieldOf(issue.path)];
  if (Object.keys(errors).length || !parsed.success) return { ok: false, errors, values };
  return { ok: true, guide: parsed.data, note: note || null, baseVersion };
}

const line = (...p: (string | undefined)[]) => p.filter((x) => x !== undefined).join(" | ");

/** The form's starting values: a sheet, or an empty template for a benefit without one. */
export function guideFormValues(guide: BenefitGuide | null, title: Localized, version: number, today: string): GuideFormValues {
  if (!guide) {
    return {
      ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, ""])), title_fr: title.fr, title_en: title.en ?? "",
      lastCheckedOn: today, baseVersion: String(version), organisms: [], audiences: ["tous_publics"], lifeMoments: [],
    };
  }
  return {
    title_fr: guide.title.fr, title_en: guide.title.en, whatItIs_fr: guide.whatItIs.fr, whatItIs_en: guide.whatItIs.en,
    whoPays_fr: guide.whoPays.text.fr, whoPays_en: guide.whoPays.text.en ?? "",
    checklist: guide.checklist.map((i) => line(i.id, i.expected === "yes" ? "oui" : "non", i.question.fr, i.question.en)).join("\n"),
    documents: guide.documents.map((d) => line(d.original ? "original" : "copie", d.label.fr, d.label.en)).join("\n"),
    steps: guide.steps.map((s) => line(s.fr, s.en)).join("\n"),
    form_number: guide.form.number ?? "", form_label_fr: guide.form.label.fr, form_label_en: guide.form.label.en ?? "",
    where_fr: guide.whereToApply.fr, where_en: guide.whereToApply.en ?? "",
    amount_fr: guide.amount?.text.fr ?? "", amount_en: guide.amount?.text.en ?? "", amount_asOf: guide.amount?.asOf ?? "", amount_source: guide.amount?.source ?? "",
    lastCheckedOn: guide.lastCheckedOn, note: "", baseVersion: String(version),
    organisms: [...guide.whoPays.organisms], audiences: [...guide.audiences], lifeMoments: [...guide.lifeMoments],
  };
}

export const FORM_CHOICES = { organisms: ORGANISMS, audiences: AUDIENCES, lifeMoments: LIFE_MOMENTS } as const;
