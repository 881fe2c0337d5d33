import { looseKey, normaliseText } from "./normalise";

/**
 * The report's other spellings of list values (GRENOBLE-TOOL.md §2, §7), as typed value → code.
 * Keys are normalised here so that the table reads as the report writes.
 */
function table(entries: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [text, code] of entries) {
    out[normaliseText(text)] = code;
    out[looseKey(text)] = code;
  }
  return out;
}

export const SERVICE_ALIASES = table([
  ["ASF", "asf"], ["Aides sociales facultatives", "asf"], ["Agents instructeurs", "asf"], ["Agent instructeur ASF", "asf"],
  ["EP", "ep"], ["Écrivain public", "ep"], ["Écrivains publics à vocation sociale", "ep"],
]);

export const REASON_ALIASES = table([
  ["Manque d'infos", "manque_information"], ["Manque total d'information", "manque_information"],
  ["Maîtrise insuffisante de l'information", "maitrise_insuffisante"], ["Difficulté à maîtriser l'information reçue", "maitrise_insuffisante"],
  ["Non connaissance par un autre agent", "agent_ne_connait_pas"], ["Non connaissance de la prestation par l'agent", "agent_ne_connait_pas"],
  ["Oubli", "oubli"], ["Négligence", "negligence"], ["Lenteurs administratives", "lenteur_administrative"],
  ["Erreurs administratives", "erreur_administrative"], ["Pièces manquantes", "pieces_manquantes"],
  ["Calcul coût/avantages", "calcul_cout_avantage"], ["Calcul coût avantage", "calcul_cout_avantage"],
  ["Désaccord sur les conditions/principes de l'offre", "desaccord"], ["Désaccord", "desaccord"],
  ["Attentes d'autres prestations/prestations autres", "attente_autres_prestations"],
  ["Attente d'autres prestations/prestations différentes", "attente_autres_prestations"],
  ["Préférences pour des alternatives", "preference_alternatives"],
  ["Manque de capacités", "manque_capacites"],
  ["Manque de capacités (connaissances, savoir faire, confiance, soutien, …)", "manque_capacites"],
]);

export const BENEFIT_ALIASES = table([
  ["CMU-C", "c2s"], ["ACS", "c2s"], ["CSS", "c2s"], ["C2S", "c2s"], ["CMU", "puma"], ["PUMA", "puma"], ["AME", "ame"],
  ["IJ", "ij"], ["Indemnités journalières", "ij"], ["ASPA", "aspa"], ["Minimum vieillesse", "aspa"],
  ["Retraite", "retraite_reversion"], ["Pension de réversion", "retraite_reversion"], ["Réversion", "retraite_reversion"],
  ["APL", "aides_logement"], ["ALS", "aides_logement"], ["ALF", "aides_logement"], ["Aide au logement", "aides_logement"],
  ["AAH", "aah"], ["PAJE", "paje"], ["Allocations CAF", "allocations_familiales"],
]);

export const DOMAIN_ALIASES = table([
  ["Etat civil / Droit au séjour", "etat_civil_sejour"], ["État civil", "etat_civil_sejour"], ["Droit au séjour", "etat_civil_sejour"],
  ["Logement", "logement_hebergement"], ["Hébergement", "logement_hebergement"], ["Loisirs", "loisirs_vacances"], ["Vacances", "loisirs_vacances"],
]);

export const ACTOR_ALIASES = table([
  ["CCAS de Grenoble", "ccas"], ["Conseil départemental", "departement"], ["CG38", "departement"], ["Pôle emploi", "france_travail"],
  ["Impôts", "impots"], ["Trésor public", "impots"], ["Bailleur social", "bailleur"],
]);

export const ACTION_ALIASES = table([
  ["Examen approfondi de la situation/du dossier", "examen_approfondi"], ["Examen approfondi", "examen_approfondi"],
  ["Information/orientation de l'usager vers un (des) service(s) pour faire valoir ses droits", "information_orientation"],
  ["Information / orientation", "information_orientation"],
  ["Contact direct par téléphone avec autre(s) service(s)", "appel_service"], ["Contact téléphonique", "appel_service"],
  ["Courrier à autre(s) service(s)", "courrier_service"],
  ["Instruction d'une demande d'aide sociale facultative en lien direct avec la situation de non-recours", "instruction_asf"],
  ["Instruction d'une demande d'ASF", "instruction_asf"],
]);

export const FORME_ALIASES = table([
  ["NC", "non_connaissance"], ["NP", "non_proposition"], ["NRec", "non_reception"], ["ND", "non_demande"],
]);
