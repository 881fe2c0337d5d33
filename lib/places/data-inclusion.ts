import type { HelpPointCategory } from "./reference";
import { DISABILITY_KINDS } from "./reference";
import type { HelpPointView } from "./queries";
import { csvRecords } from "@/lib/files/csv-records";

/**
 * The data·inclusion "structures" and "services" schema, both ways. A structure carries the
 * place; one service per place says what it helps with. What the schema has no field for
 * (benefit codes, per-disability accessibility, transit) travels in `barometre_*` fields that
 * other tools ignore. CSV is one flat row per place (structure and service fields together).
 */
export const DI_TYPOLOGY: Record<HelpPointCategory, string> = {
  ccas: "CCAS", maison_pour_tous: "MQ", france_services: "FS", mds: "MDS", caf: "CAF", cpam: "CPAM",
  carsat: "CARSAT", msa: "MSA", mairie: "MUNI", association: "ASSO", autre: "Autre",
};
const FROM_TYPOLOGY: Record<string, HelpPointCategory> = {
  ...Object.fromEntries(Object.entries(DI_TYPOLOGY).map(([k, v]) => [v, k as HelpPointCategory])),
  CS: "maison_pour_tous", CIAS: "ccas", PIMMS: "france_services", RFS: "france_services", MAIRIE: "mairie", ASSOCIATION: "association",
};
export const THEMATIQUE_DROITS = "acces-aux-droits-et-citoyennete--accompagnement-dans-l-acces-aux-droits";

/** The flat columns of a CSV row, in order. */
export const DI_COLUMNS = [
  "id", "siret", "nom", "typologie", "labels_nationaux", "commune", "code_postal", "adresse", "longitude", "latitude",
  "telephone", "courriel", "site_web", "horaires_accueil", "barometre_horaires_note", "presentation_resume",
  "thematiques", "langues_parlees", "prise_rdv", "accessibilite", "barometre_prestations", "barometre_transport_lignes",
  "barometre_transport_arret", "barometre_accessibilite", "barometre_plain_pied", "barometre_accessibilite_note",
] as const;
export type DiColumn = (typeof DI_COLUMNS)[number];
export type DiFlatRow = Partial<Record<DiColumn, string>>;

export type DiStructure = {
  id: string; siret: string | null; nom: string; typologie: string; labels_nationaux: string[]; commune: string | null;
  code_postal: string | null; adresse: string | null; longitude: number | null; latitude: number | null;
  telephone: string | null; courriel: string | null; site_web: string | null; horaires_accueil: string | null;
  presentation_resume: string | null; accessibilite: string | null; thematiques: string[];
  barometre_horaires_note: string | null; barometre_prestations: string[];
  barometre_transport: { lignes: string[]; arret: string | null };
  barometre_accessibilite: { handicaps: Record<string, string>; plain_pied: boolean | null; note: string | null };
};
export type DiService = {
  id: string; structure_id: string; nom: string; thematiques: string[]; langues_parlees: string[]; prise_rdv: string | null;
  presentation_resume: string | null;
};
export type DiExport = { schema: "data-inclusion/structures+services"; structures: DiStructure[]; services: DiService[] };

type Exportable = HelpPointView & { sourceKey: string };

/** Our place → one structure and its access-to-rights service. `rdvBase` turns a booking motive into a URL. */
export function toDataInclusion(points: Exportable[], rdvBase: string): DiExport {
  const structures: DiStructure[] = [];
  const services: DiService[] = [];
  for (const p of points) {
    structures.push({
      id: p.sourceKey, siret: null, nom: p.name, typologie: DI_TYPOLOGY[p.category],
      labels_nationaux: p.category === "france_services" ? ["france-services"] : [],
      commune: p.city, code_postal: p.postcode, adresse: p.address, longitude: p.lon, latitude: p.lat,
      telephone: p.phone, courriel: p.email, site_web: p.website, horaires_accueil: p.openingHours,
      presentation_resume: p.mission, accessibilite: p.acceslibreUrl, thematiques: [THEMATIQUE_DROITS],
      barometre_horaires_note: p.openingNote, barometre_prestations: p.benefitCodes,
      barometre_transport: { lignes: p.transit.lines ?? [], arret: p.transit.stop ?? null },
      barometre_accessibilite: { handicaps: { ...(p.accessibility.kinds ?? {}) }, plain_pied: p.accessibility.stepFree ?? null, note: p.accessibility.note ?? null },
    });
    services.push({
      id: `${p.sourceKey}--acces-aux-droits`, structure_id: p.sourceKey, nom: "Accompagnement dans l'accès aux droits",
      thematiques: [THEMATIQUE_DROITS], langues_parlees: p.languages,
      prise_rdv: p.appointmentUrl ?? (p.bookingMotiveId ? rdvBase : null), presentation_resume: p.mission,
    });
  }
  return { schema: "data-inclusion/structures+services", structures, services };
}

const list = (v: string[]) => v.join(",");

/** The export as flat CSV rows (lists comma-separated, the accessibility per kind as "physical:yes,…"). */
export function toFlatRows(doc: DiExport): DiFlatRow[] {
  const byStructure = new Map(doc.services.map((s) => [s.structure_id, s]));
  return doc.structures.map((s) => {
    const svc = byStructure.get(s.id);
    return {
      id: s.id, siret: s.siret ?? "", nom: s.nom, typologie: s.typologie, labels_nationaux: list(s.labels_nationaux),
      commune: s.commune ?? "", code_postal: s.code_postal ?? "", adresse: s.adresse ?? "",
      longitude: s.longitude === null ? "" : String(s.longitude), latitude: s.latitude === null ? "" : String(s.latitude),
      telephone: s.telephone ?? "", courriel: s.courriel ?? "", site_web: s.site_web ?? "", horaires_accueil: s.horaires_accueil ?? "",
      barometre_horaires_note: s.barometre_horaires_note ?? "", presentation_resume: s.presentation_resume ?? "",
      thematiques: list(s.thematiques), langues_parlees: list(svc?.langues_parlees ?? []), prise_rdv: svc?.prise_rdv ?? "",
      accessibilite: s.accessibilite ?? "", barometre_prestations: list(s.barometre_prestations),
      barometre_transport_lignes: list(s.barometre_transport.lignes), barometre_transport_arret: s.barometre_transport.arret ?? "",
      barometre_accessibilite: Object.entries(s.barometre_accessibilite.handicaps).map(([k, v]) => `${k}:${v}`).join(","),
      barometre_plain_pied: s.barometre_accessibilite.plain_pied === null ? "" : s.barometre_accessibilite.plain_pied ? "oui" : "non",
      barometre_accessibilite_note: s.barometre_accessibilite.note ?? "",
    };
  });
}

/** Where a schema field came from in the file, for error messages ("ligne 3, colonne telephone"). */
export const FIELD_COLUMN: Record<string, DiColumn> = {
  name: "nom", category: "typologie", mission: "presentation_resume", address: "adresse", postcode: "code_postal",
  city: "commune", lon: "longitude", lat: "latitude", phone: "telephone", email: "courriel", website: "site_web",
  openingHours: "horaires_accueil", openingNote: "barometre_horaires_note", languages: "langues_parlees",
  benefitCodes: "barometre_prestations", appointmentUrl: "prise_rdv", transitLines: "barometre_transport_lignes",
  transitStop: "barometre_transport_arret", access: "barometre_accessibilite", stepFree: "barometre_plain_pied",
  accessNote: "barometre_accessibilite_note", acceslibreUrl: "accessibilite",
};

export function categoryFromTypology(typologie: string, labels: string): HelpPointCategory | null {
  if (/(^|,)\s*france-services\s*(,|$)/i.test(labels)) return "france_services";
  return FROM_TYPOLOGY[typologie.trim().toUpperCase()] ?? FROM_TYPOLOGY[typologie.trim()] ?? null;
}

/** A flat row → the raw input of helpPointInputSchema (validation happens there). */
export function rawFromFlatRow(row: DiFlatRow): { sourceKey: string; raw: Record<string, unknown>; typologyError: boolean } {
  const g = (k: DiColumn) => (row[k] ?? "").trim();
  const category = categoryFromTypology(g("typologie"), g("labels_nationaux"));
  const access: Record<string, string> = {};
  for (const pair of g("barometre_accessibilite").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [k, v] = pair.split(":").map((s) => s.trim());
    access[k] = v ?? "";
  }
  const unknownKind = Object.keys(access).some((k) => !(DISABILITY_KINDS as readonly string[]).includes(k));
  return {
    sourceKey: g("id"),
    typologyError: category === null && g("typologie") !== "",
    raw: {
      name: g("nom"), category: category ?? (g("typologie") ? "?" : "autre"), mission: g("presentation_resume"), address: g("adresse"),
      postcode: g("code_postal"), city: g("commune"), lon: g("longitude"), lat: g("latitude"), phone: g("telephone"),
      email: g("courriel"), website: g("site_web"), openingHours: g("horaires_accueil"), openingNote: g("barometre_horaires_note"),
      languages: g("langues_parlees"), benefitCodes: g("barometre_prestations"), appointmentUrl: g("prise_rdv"),
      transitLines: g("barometre_transport_lignes"), transitStop: g("barometre_transport_arret"),
      access: unknownKind ? "?" : access, stepFree: g("barometre_plain_pied"), accessNote: g("barometre_accessibilite_note"),
      acceslibreUrl: g("accessibilite"),
    },
  };
}

/** A JSON document (our export shape, or a bare array of structures / flat rows) → flat rows. */
export function flatRowsFromJson(doc: unknown): DiFlatRow[] | null {
  const structures = Array.isArray(doc) ? doc : doc && typeof doc === "object" && Array.isArray((doc as DiExport).structures) ? (doc as DiExport).structures : null;
  if (!structures) return null;
  const services = !Array.isArray(doc) && Array.isArray((doc as DiExport).services) ? (doc as DiExport).services : [];
  const str = (v: unknown) => (v === null || v === undefined ? "" : Array.isArray(v) ? v.map(String).join(",") : typeof v === "object" ? "" : String(v));
  return structures.map((s: Record<string, unknown>) => {
    if (!s || typeof s !== "object") return {};
    const svc = services.find((x) => x && x.structure_id === s.id) as Partial<DiService> | undefined;
    const row: DiFlatRow = {};
    for (const c of DI_COLUMNS) row[c] = str(s[c]);
    const tr = s.barometre_transport as DiStructure["barometre_transport"] | undefined;
    if (tr && typeof tr === "object") { row.barometre_transport_lignes = str(tr.lignes); row.barometre_transport_arret = str(tr.arret); }
    const acc = s.barometre_accessibilite as DiStructure["barometre_accessibilite"] | undefined;
    if (acc && typeof acc === "object") {
      row.barometre_accessibilite = Object.entries(acc.handicaps ?? {}).map(([k, v]) => `${k}:${v}`).join(",");
      row.barometre_plain_pied = acc.plain_pied === null || acc.plain_pied === undefined ? "" : acc.plain_pied ? "oui" : "non";
      row.barometre_accessibilite_note = str(acc.note);
    }
    if (svc) {
      if (!row.langues_parlees) row.langues_parlees = str(svc.langues_parlees);
      if (!row.prise_rdv) row.prise_rdv = str(svc.prise_rdv);
    }
    return row;
  });
}

/**
 * CSV (lib/files/csv-records) → rows keyed by header; `;` or `,` separator (from the header line), BOM removed,
 * the quote mark that lib/export/csv puts before formula-like cells taken off again.
 */
export function parseCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const src = text.replace(/^\uFEFF/, "");
  const firstLine = src.split(/\r?\n/, 1)[0] ?? "";
  const sep = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const records = csvRecords(src, sep);
  const unformula = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
  const [header = [], ...body] = records;
  const names = header.map((h) => h.trim());
  return { header: names, rows: body.map((r) => Object.fromEntries(names.map((h, j) => [h, unformula(r[j] ?? "")]))) };
}
