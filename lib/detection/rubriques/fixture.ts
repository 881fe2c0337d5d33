import { BENEFIT_GROUPS, DETECTION_BENEFITS, ACTIONS, ACTORS, DOMAINS, FORMES, REASONS } from "../reference";
import { withHouseholdColumns, type SituationFact } from "./facts";
import type { RubriquesLabels } from "./types";

/**
 * A hand-made dataset for the unit tests (values worked out by hand in rubriques.test.ts):
 * 8 situations in 5 households; household h1 has three situations linked S1 → S2 → S7; S6 carries
 * the legacy "caused" flag; formes are multi-valued; blanks in every variable.
 */
type Input = Partial<SituationFact> & Pick<SituationFact, "id" | "household" | "service" | "detectedOn">;
const base = (i: Input, n: number): Omit<SituationFact, "hn" | "hfirst" | "hcum" | "hservices"> => ({
  rk: (n * 2_654_435_761) % 4_294_967_296, hrk: (i.household.charCodeAt(1) * 40_503) % 4_294_967_296,
  instructs: i.service === "asf", worker: "", sector: "", neighbourhood: "", people: null, financial: null, benefit: null, domain: null,
  actors: [], intensity: null, caused: false, induces: false, actions: [], minutes: null, missedMonthly: null, missedMonths: null,
  aidRequested: null, aidGranted: null, status: "open", resolution: null, openedMonthly: null, formes: [], formeReasons: [],
  ...i,
});
const fr = (pairs: [string, string | null][]) => ({ formes: pairs.map(([f]) => f), formeReasons: pairs.map(([f, r]) => `${f}|${r ?? ""}`) });

export const HAND_MADE: SituationFact[] = withHouseholdColumns([
  { id: "s1", household: "h1", detectedOn: "2015-01-10", service: "ep", worker: "w1", sector: "A", neighbourhood: "A", people: 1, financial: true, benefit: "rsa", actors: ["caf"], intensity: "complete", induces: true,
    ...fr([["non_connaissance", "manque_information"], ["non_reception", "pieces_manquantes"]]), actions: ["examen_approfondi", "appel_service"], minutes: 30, missedMonthly: 500, missedMonths: 6 },
  { id: "s2", household: "h1", detectedOn: "2015-02-05", service: "ep", worker: "w1", sector: "A", neighbourhood: "A", people: 2, financial: true, benefit: "c2s", actors: ["cpam"], intensity: "complete", caused: true, induces: true,
    ...fr([["non_reception", "lenteur_administrative"]]), actions: ["information_orientation"], minutes: 45, missedMonthly: 40 },
  { id: "s3", household: "h2", detectedOn: "2015-02-10", service: "asf", worker: "w2", sector: "B", people: 3, financial: true, benefit: "aspa", actors: ["carsat", "caf"], intensity: "partial",
    ...fr([["non_demande", "desaccord"], ["abandon", "abandon_desaccord"]]), actions: ["instruction_asf", "appel_service", "courrier_service"], minutes: 20, aidRequested: true, aidGranted: 200 },
  { id: "s4", household: "h3", detectedOn: "2015-03-01", service: "asf", worker: "w2", neighbourhood: "B", financial: false, domain: "sante", ...fr([["non_connaissance", null]]), aidRequested: false },
  { id: "s5", household: "h3", detectedOn: "2015-03-15", service: "ep", worker: "w3", sector: "B", neighbourhood: "B", people: 1, financial: false, actors: ["prefecture"], intensity: "complete",
    ...fr([["non_proposition", "protection"]]), actions: ["examen_approfondi"], minutes: 90, status: "resolved", resolution: "right_opened", openedMonthly: 100 },
  { id: "s6", household: "h4", detectedOn: "2015-03-20", service: "asf", worker: "w2", sector: "A", people: 4, actors: ["ccas"], caused: true, intensity: "partial",
    actions: ["information_orientation", "examen_approfondi"], minutes: 10, status: "resolved" },
  { id: "s7", household: "h1", detectedOn: "2015-04-01", service: "ep", worker: "w1", sector: "A", neighbourhood: "A", people: 1, financial: true, benefit: "rsa", actors: ["caf"], intensity: "complete", caused: true,
    ...fr([["non_reception", "oubli"]]), actions: ["appel_service"], minutes: 60, status: "in_progress" },
  { id: "s8", household: "h5", detectedOn: "2015-04-02", service: "asf", worker: "label:X9", sector: "B", people: 6, financial: true, actors: ["caf"], intensity: "complete",
    ...fr([["non_connaissance", "maitrise_insuffisante"], ["non_demande", "civisme"]]), actions: ["instruction_asf"], minutes: 35, aidRequested: true, aidGranted: 300, missedMonthly: 150, missedMonths: 12 },
].map((r, i) => base(r as Input, i + 1)));

export const FIXTURE_LABELS: RubriquesLabels = {
  services: [{ code: "asf", label: "Aide sociale facultative" }, { code: "ep", label: "Écrivains publics" }],
  workers: { w1: "Agent 1", w2: "Agent 2", w3: "Agent 3", "label:X9": "X9" },
  areas: { A: "Secteur A", B: "Secteur B" },
  formes: FORMES, reasons: REASONS, benefits: DETECTION_BENEFITS, groups: BENEFIT_GROUPS,
  domains: DOMAINS, actors: ACTORS, actions: ACTIONS, words: {},
};
