/** Outreach actions (aller-vers, KIT TZNR §B): the fixed lists their rows use. */

/** proposed → validated | refused; validated → reported | cancelled (lib/outreach state machine). */
export const OUTREACH_STATUSES = ["proposed", "validated", "refused", "reported", "cancelled"] as const;
export type OutreachStatus = (typeof OUTREACH_STATUSES)[number];

export const OUTREACH_ACTION_TYPES = ["stand", "permanence", "porte_a_porte", "atelier", "maraude", "evenement", "autre"] as const;
export type OutreachActionType = (typeof OUTREACH_ACTION_TYPES)[number];

export const OUTREACH_PLACE_TYPES = [
  "marche", "maison_pour_tous", "centre_social", "ccas", "france_services", "ecole", "epicerie_solidaire",
  "bailleur_social", "espace_public", "evenement", "domicile", "autre",
] as const;
export type OutreachPlaceType = (typeof OUTREACH_PLACE_TYPES)[number];

export const OUTREACH_AUDIENCES = ["tous_publics", "familles", "jeunes", "seniors", "personnes_handicapees", "allophones", "agriculteurs", "sans_domicile"] as const;
export type OutreachAudience = (typeof OUTREACH_AUDIENCES)[number];

/** How a stand consent reached the portal. */
export const CONSENT_CAPTURE = ["stand_tablet", "paper_form"] as const;
export type ConsentCapture = (typeof CONSENT_CAPTURE)[number];
