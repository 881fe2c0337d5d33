/**
 * The detection tool's default lists (Grenoble report, GRENOBLE-TOOL.md §2), as stable codes with
 * their French labels as the report words them. A territory adds its own entries or archives a
 * default one through `detection_options` (lib/detection/options.ts merges both); codes never
 * change once used, because situations and imports store them.
 */
export type RefEntry = { code: string; label: string; parent?: string };

/** Formes of non-recours; "abandon" is the report's secondary form of non-demande, counted apart. */
export const FORMES: RefEntry[] = [
  { code: "non_connaissance", label: "Non connaissance" },
  { code: "non_proposition", label: "Non proposition" },
  { code: "non_reception", label: "Non réception" },
  { code: "non_demande", label: "Non demande" },
  { code: "abandon", label: "Abandon" },
];
export const FORME_CODES = FORMES.map((f) => f.code);
export type FormeCode = "non_connaissance" | "non_proposition" | "non_reception" | "non_demande" | "abandon";

/** Reasons per forme (parent = forme): Annex 1 drafts plus the results' additions. */
const NON_DEMANDE_REASONS: [string, string][] = [
  ["calcul_cout_avantage", "Calcul coût/avantage (dont calcul de risques)"],
  ["desaccord", "Désaccord sur les principes/conditions/modalités de l'offre"],
  ["attente_autres_prestations", "Attente d'autres prestations"],
  ["preference_alternatives", "Préférence pour des alternatives"],
  ["civisme", "Civisme"],
  ["manque_capacites", "Manque de capacités (connaissances, savoir-faire, confiance, soutien, estime de soi)"],
];
export const REASONS: RefEntry[] = [
  { code: "manque_information", label: "Manque d'information", parent: "non_connaissance" },
  { code: "maitrise_insuffisante", label: "Maîtrise insuffisante de l'information reçue", parent: "non_connaissance" },
  { code: "agent_ne_connait_pas", label: "Non connaissance par l'agent", parent: "non_proposition" },
  { code: "protection", label: "Protection", parent: "non_proposition" },
  { code: "discrimination", label: "Discrimination", parent: "non_proposition" },
  { code: "fin_ressources", label: "Fin des ressources", parent: "non_proposition" },
  { code: "oubli", label: "Oubli de la part du demandeur", parent: "non_reception" },
  { code: "negligence", label: "Négligence de la part du demandeur", parent: "non_reception" },
  { code: "lenteur_administrative", label: "Lenteur administrative (hors délais réglementaires)", parent: "non_reception" },
  { code: "erreur_administrative", label: "Erreur administrative", parent: "non_reception" },
  { code: "pieces_manquantes", label: "Pièces obligatoires manquantes", parent: "non_reception" },
  ...NON_DEMANDE_REASONS.map(([code, label]) => ({ code, label, parent: "non_demande" })),
  // Abandon shares non-demande's explanations (the report), plus the one case it names.
  ...NON_DEMANDE_REASONS.map(([code, label]) => ({ code: `abandon_${code}`, label, parent: "abandon" })),
  { code: "contraintes_demandeur", label: "Contraintes propres au demandeur", parent: "abandon" },
];

/**
 * Explanation levels: the report never lists them (its one example pairs "Pratiques
 * institutionnelles" and "Ressources individuelles"); offered for every reason, optional, and
 * configurable per territory. No parent: a level applies to any reason.
 */
export const LEVELS: RefEntry[] = [
  { code: "pratiques_institutionnelles", label: "Pratiques institutionnelles" },
  { code: "ressources_individuelles", label: "Ressources individuelles" },
  { code: "representations", label: "Représentations" },
  { code: "revendications", label: "Revendications" },
  { code: "resilience", label: "Résilience" },
];

/** Actions taken at detection (session 4's list, then the ones its results imply). */
export const ACTIONS: RefEntry[] = [
  { code: "examen_approfondi", label: "Examen approfondi de la situation / du dossier" },
  { code: "information_orientation", label: "Information / orientation vers un service" },
  { code: "appel_service", label: "Contact direct par téléphone avec un autre service" },
  { code: "courrier_service", label: "Courrier à un autre service" },
  { code: "instruction_asf", label: "Instruction d'une demande d'aide sociale facultative" },
  { code: "aide_constitution_dossier", label: "Aide à la constitution du dossier" },
  { code: "accompagnement_physique", label: "Accompagnement physique vers un service" },
  { code: "autre_action", label: "Autre action" },
];

/** Public-policy domains, for non-financial rights only. */
export const DOMAINS: RefEntry[] = [
  { code: "etat_civil_sejour", label: "État civil / Droit au séjour" },
  { code: "sante", label: "Santé" },
  { code: "logement_hebergement", label: "Logement / Hébergement" },
  { code: "domiciliation", label: "Domiciliation" },
  { code: "loisirs_vacances", label: "Loisirs / Vacances" },
  { code: "emploi_formation", label: "Emploi / Formation" },
  { code: "education_enfance", label: "Éducation / Enfance" },
  { code: "energie_mobilite", label: "Énergie / Mobilité" },
  { code: "fiscalite", label: "Fiscalité" },
  { code: "autre_domaine", label: "Autre domaine" },
];

/** Public actors concerned (several per situation). */
export const ACTORS: RefEntry[] = [
  { code: "caf", label: "CAF" },
  { code: "cpam", label: "CPAM" },
  { code: "carsat", label: "CARSAT" },
  { code: "msa", label: "MSA" },
  { code: "prefecture", label: "Préfecture" },
  { code: "departement", label: "Département" },
  { code: "ccas", label: "CCAS" },
  { code: "france_travail", label: "France Travail" },
  { code: "impots", label: "Finances publiques (impôts)" },
  { code: "bailleur", label: "Bailleur" },
  { code: "mdph", label: "MDPH" },
  { code: "autre_acteur", label: "Autre acteur" },
];

/** The report's benefit groups (rubrique C), in its order. */
export const BENEFIT_GROUPS: RefEntry[] = [
  { code: "rsa", label: "RSA" },
  { code: "assurance_maladie", label: "Prestations de l'Assurance maladie" },
  { code: "retraite", label: "Retraite, pensions, réversion, ASPA" },
  { code: "prestations_familiales", label: "Prestations familiales (dont logement, AAH)" },
  { code: "autres", label: "Autres prestations" },
];

/**
 * The group of each benefit code: the territory catalogue's common codes and the finer codes the
 * detection form offers beyond the catalogue (the report's dropdown was finer than its groups).
 * A code not listed here (a territory's own benefit) falls in "autres" unless its option says otherwise.
 */
export const DETECTION_BENEFITS: RefEntry[] = [
  { code: "rsa", label: "RSA", parent: "rsa" },
  { code: "c2s", label: "Complémentaire santé solidaire (C2S, ex CMU-C / ACS)", parent: "assurance_maladie" },
  { code: "puma", label: "Protection universelle maladie (ex CMU)", parent: "assurance_maladie" },
  { code: "ame", label: "Aide médicale de l'État (AME)", parent: "assurance_maladie" },
  { code: "ij", label: "Indemnités journalières (IJ)", parent: "assurance_maladie" },
  { code: "pension_invalidite", label: "Pension d'invalidité", parent: "assurance_maladie" },
  { code: "retraite_reversion", label: "Retraite ou pension de réversion", parent: "retraite" },
  { code: "aspa", label: "Minimum vieillesse (ASPA)", parent: "retraite" },
  { code: "allocations_familiales", label: "Allocations familiales", parent: "prestations_familiales" },
  { code: "aides_logement", label: "Aide au logement (APL, ALS, ALF)", parent: "prestations_familiales" },
  { code: "aah", label: "Allocation aux adultes handicapés (AAH)", parent: "prestations_familiales" },
  { code: "asf_caf", label: "Allocation de soutien familial (CAF)", parent: "prestations_familiales" },
  { code: "paje", label: "Prestations petite enfance (PAJE)", parent: "prestations_familiales" },
  { code: "prime_activite", label: "Prime d'activité", parent: "autres" },
  { code: "cheque_energie", label: "Chèque énergie", parent: "autres" },
  { code: "aide_facultative", label: "Aide sociale facultative (CCAS)", parent: "autres" },
];

export function benefitGroupOf(code: string, extra: RefEntry[] = []): string {
  return [...DETECTION_BENEFITS, ...extra].find((b) => b.code === code)?.parent ?? "autres";
}

/** Resolution tracking. */
export const STATUSES = ["open", "in_progress", "resolved"] as const;
export type SituationStatus = (typeof STATUSES)[number];
export const RESOLUTIONS: RefEntry[] = [
  { code: "right_opened", label: "Droit ouvert" },
  { code: "not_resolved", label: "Non résolue" },
  { code: "lost", label: "Personne perdue de vue" },
  { code: "not_non_recours", label: "Finalement pas un non-recours" },
];
export const INTENSITIES: RefEntry[] = [
  { code: "complete", label: "Complet" },
  { code: "partial", label: "Partiel" },
];

/** The seeded detecting services. */
export const DEFAULT_SERVICES = [
  { code: "asf", label: "Aide sociale facultative", instructsOptionalAid: true },
  { code: "ep", label: "Écrivains publics", instructsOptionalAid: false },
] as const;

/** Bounds shared by the form, the import and the database checks. */
export const LIMITS = {
  peopleMax: 30,
  minutesMax: 1440,
  euroMax: 100000,
  monthsMax: 600,
  summaryMax: 1200,
  followUpMax: 2000,
} as const;
