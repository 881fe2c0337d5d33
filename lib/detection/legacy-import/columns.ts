import { FORMES, type FormeCode } from "../reference";
import { normaliseText } from "./normalise";

/**
 * The legacy sheet's columns: the template's French header (a stable contract, see
 * docs/detection-import.md) and the spellings older sheets used (GRENOBLE-TOOL.md §2 and §7).
 * Headers are matched by normalised text, never by position.
 */
export type ColumnKey =
  | "household" | "date" | "service" | "worker" | "sector" | "people" | "nature" | "benefit" | "domain" | "actors"
  | "formes" | `forme:${FormeCode}` | `level:${FormeCode}`
  | "intensity" | "caused" | "origin" | "actions" | "time" | "missed" | "months" | "aidRequested" | "aidGranted" | "summary";

export type ColumnDef = { key: ColumnKey; header: string; variants: string[]; required?: boolean; inTemplate: boolean };

const formeColumns: ColumnDef[] = FORMES.map((f) => ({
  key: `forme:${f.code}` as ColumnKey,
  header: f.label,
  variants: [`Raison (${f.label})`, `Raison ${f.label}`, `Forme ${f.label}`, `${f.label} (raison)`],
  inTemplate: true,
}));
const levelColumns: ColumnDef[] = FORMES.map((f) => ({
  key: `level:${f.code}` as ColumnKey,
  header: `Niveau d'explication (${f.label})`,
  variants: [`Niveau (${f.label})`, `Niveau d'explication ${f.label}`, `Niveaux d'explication (${f.label})`],
  inTemplate: true,
}));

export const COLUMNS: ColumnDef[] = [
  { key: "household", header: "Identifiant ménage", required: true, inTemplate: true, variants: ["Identifiant", "Identifiant du ménage", "N° identifiant", "Numéro identifiant", "Numéro identifiant ad hoc", "N° d'identification des usagers", "Personne ou dossier", "Ménage", "Code ménage"] },
  { key: "date", header: "Date", required: true, inTemplate: true, variants: ["Date de détection", "Date de repérage", "Date de la rencontre", "Date du repérage"] },
  { key: "service", header: "Service détecteur", required: true, inTemplate: true, variants: ["Service", "Services", "Service de détection"] },
  { key: "worker", header: "Professionnel(le)", inTemplate: true, variants: ["Professionnel", "Professionnelle", "Professionnel(le) détecteur", "Professionnel détecteur", "Détecteur", "Agent", "Code professionnel"] },
  { key: "sector", header: "Territoire d'intervention", inTemplate: true, variants: ["Territoire", "Secteur", "Secteur d'intervention"] },
  { key: "people", header: "Nombre de personnes concernées", inTemplate: true, variants: ["Personnes concernées", "Nb de personnes concernées", "Nbr de personnes concernées", "Nombre de personnes"] },
  { key: "nature", header: "Nature de la prestation", inTemplate: true, variants: ["Nature", "Prestation financière ou non financière", "Financière / non financière"] },
  { key: "benefit", header: "Prestation", inTemplate: true, variants: ["Prestation financière", "Prestations", "Objet du non-recours"] },
  { key: "domain", header: "Domaine d'intervention publique", inTemplate: true, variants: ["Domaine", "Thématique", "Domaine d'intervention", "Domaines d'intervention publique"] },
  { key: "actors", header: "Acteurs publics concernés", inTemplate: true, variants: ["Acteur(s) public(s) concerné(s)", "Acteurs publics", "Acteur public concerné", "Acteurs concernés", "Organismes concernés"] },
  { key: "formes", header: "Formes", inTemplate: false, variants: ["Forme(s) de non-recours", "Formes de non-recours", "Forme de non-recours", "Forme(s)"] },
  ...formeColumns,
  ...levelColumns,
  { key: "intensity", header: "Non-recours complet ou partiel", inTemplate: true, variants: ["Complet ou partiel", "Complet / partiel", "Intensité", "NR complet ou partiel"] },
  { key: "caused", header: "Entraînée par une autre situation", inTemplate: true, variants: ["Entraîné par une autre situation", "NR cumulatif", "Non-recours cumulatif", "Cumulatif"] },
  { key: "origin", header: "Situation à l'origine (n° de ligne)", inTemplate: true, variants: ["Situation à l'origine", "Ligne d'origine", "Ligne de la situation à l'origine"] },
  { key: "actions", header: "Actions engagées", inTemplate: true, variants: ["Actions", "Action(s) engagée(s)", "Actions suite à la détection"] },
  { key: "time", header: "Temps passé (minutes)", inTemplate: true, variants: ["Temps passé", "Temps", "Temps passé (min)", "Durée de traitement"] },
  { key: "missed", header: "Manque à percevoir (€/mois)", inTemplate: true, variants: ["Manque à percevoir", "Manque à percevoir (€)", "Manque à percevoir par mois"] },
  { key: "months", header: "Durée estimée (mois)", inTemplate: true, variants: ["Durée estimée", "Durée (mois)", "Durée du manque à percevoir (mois)"] },
  { key: "aidRequested", header: "Demande d'ASF induite", inTemplate: true, variants: ["Demande d'ASF induite par le non-recours", "Demande d'aide facultative induite", "Demande ASF induite", "Demande d'ASF"] },
  { key: "aidGranted", header: "Montant ASF accordé (€)", inTemplate: true, variants: ["Montant ASF accordé", "Montant de l'aide facultative accordée", "Montant accordé", "Montant ASF"] },
  { key: "summary", header: "Synthèse", inTemplate: true, variants: ["Commentaire", "Commentaires", "Synthèse de la situation"] },
];

export const TEMPLATE_COLUMNS = COLUMNS.filter((c) => c.inTemplate);

const BY_HEADER = new Map<string, ColumnKey>();
for (const c of COLUMNS) for (const h of [c.header, ...c.variants]) BY_HEADER.set(normaliseText(h), c.key);

/** The column a header names, or null. */
export function columnOf(header: string): ColumnKey | null {
  return BY_HEADER.get(normaliseText(header)) ?? null;
}

/**
 * Headers that look like a person's identity (name, NIR, CAF or social-security number, birth
 * date, address, phone): such a column is refused, never imported — the link between a household
 * code and an administrative identity is "sécurisée et non partageable" (GRENOBLE-TOOL.md §7).
 */
const IDENTITY_WORDS = new Set(["nom", "noms", "prenom", "prenoms", "nir", "secu", "allocataire", "naissance", "adresse", "telephone", "tel", "mail", "email", "courriel", "matricule", "insee"]);
export function looksLikeIdentity(header: string): boolean {
  const words = normaliseText(header).split(" ");
  if (words.some((w) => IDENTITY_WORDS.has(w))) return true;
  const text = words.join(" ");
  if (text.includes("securite sociale")) return true;
  const numberish = words.some((w) => ["n", "no", "num", "numero", "dossier", "identifiant"].includes(w));
  return numberish && words.some((w) => ["caf", "cpam", "msa", "carsat"].includes(w));
}

/** Excel column letters of a 1-based index ("A", "AB"), to place a problem in the sheet. */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
