import type { Option } from "../definition-schema";

/** The benefits of the common questionnaire's grid (ids are stable: aggregates use them). */
export const BENEFITS: Option[] = [
  { value: "rsa", label: { fr: "RSA (revenu de solidarité active)", en: "RSA (minimum income)" } },
  { value: "prime_activite", label: { fr: "Prime d'activité", en: "Prime d'activité (in-work benefit)" } },
  { value: "c2s", label: { fr: "Complémentaire santé solidaire (C2S)", en: "Free or low-cost health cover (C2S)" } },
  { value: "aides_logement", label: { fr: "Aide au logement (APL, ALS, ALF)", en: "Housing benefit (APL, ALS, ALF)" } },
  { value: "aspa", label: { fr: "Minimum vieillesse (ASPA)", en: "Minimum old-age pension (ASPA)" } },
  { value: "aah", label: { fr: "Allocation aux adultes handicapés (AAH)", en: "Disability allowance (AAH)" } },
  { value: "allocations_familiales", label: { fr: "Allocations familiales", en: "Family allowances" } },
  { value: "cheque_energie", label: { fr: "Chèque énergie", en: "Energy voucher (chèque énergie)" } },
  { value: "retraite_reversion", label: { fr: "Retraite ou pension de réversion", en: "Retirement or survivor's pension" } },
];
