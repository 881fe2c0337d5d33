/**
 * Help points (lieux d'accompagnement): the fixed lists their rows use. Categories follow the
 * KIT TZNR map (GUIDES-EVALUATION.md §B) and map onto data·inclusion's typologies at import/export.
 */
export const HELP_POINT_CATEGORIES = [
  "ccas",             // CCAS headquarters or antenna
  "maison_pour_tous", // Maisons pour Tous, centres sociaux
  "france_services",
  "mds",              // Maison départementale des solidarités
  "caf",
  "cpam",
  "carsat",
  "msa",
  "mairie",
  "association",
  "autre",
] as const;
export type HelpPointCategory = (typeof HELP_POINT_CATEGORIES)[number];

/** Art. 133 II 2°: every action accessible to every kind of disability, stated per kind. */
export const DISABILITY_KINDS = ["physical", "hearing", "visual", "cognitive", "psychic"] as const;
export type DisabilityKind = (typeof DISABILITY_KINDS)[number];
export type AccessLevel = "yes" | "partial" | "no" | "unknown";

export type HelpPointAccessibility = {
  /** What the place offers for each kind of disability (missing: unknown). */
  kinds?: Partial<Record<DisabilityKind, AccessLevel>>;
  /** Step-free entrance; null: unknown. */
  stepFree?: boolean | null;
  /** A free text, e.g. "boucle magnétique à l'accueil", "accueil en LSF sur rendez-vous". */
  note?: string;
};

export type HelpPointTransit = {
  /** Bus or tram lines, e.g. ["Tram 1", "Bus 15"]. */
  lines?: string[];
  stop?: string;
};
