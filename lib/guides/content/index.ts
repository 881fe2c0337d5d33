import type { BenefitGuide } from "../guide-schema";
import { aah } from "./aah";
import { aideFacultative } from "./aide_facultative";
import { aidesLogement } from "./aides_logement";
import { allocationsFamiliales } from "./allocations_familiales";
import { aspa } from "./aspa";
import { c2s } from "./c2s";
import { chequeEnergie } from "./cheque_energie";
import { pensionInvalidite } from "./pension_invalidite";
import { primeActivite } from "./prime_activite";
import { retraiteReversion } from "./retraite_reversion";
import { rsa } from "./rsa";

/** Every seeded guide, in the catalogue's order, then the two guides outside the questionnaire's grid. */
export const SEEDED_GUIDES: readonly BenefitGuide[] = [
  rsa,
  primeActivite,
  c2s,
  aidesLogement,
  aspa,
  aah,
  allocationsFamiliales,
  chequeEnergie,
  retraiteReversion,
  pensionInvalidite,
  aideFacultative,
];
