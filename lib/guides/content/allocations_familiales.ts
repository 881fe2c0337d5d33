import type { BenefitGuide } from "../guide-schema";

export const allocationsFamiliales: BenefitGuide = {
  code: "allocations_familiales",
  title: { fr: "Les allocations familiales", en: "Family allowances" },
  whatItIs: {
    fr: "Les allocations familiales vous aident à élever vos enfants dès le deuxième enfant. Le montant dépend de vos ressources et du nombre d'enfants.",
    en: "Family allowances help you raise your children from the second child. The amount depends on your income and number of children.",
  },
  whoPays: {
    organisms: ["CAF", "MSA"],
    text: { fr: "La CAF, ou la MSA si vous relevez du régime agricole.", en: "The CAF, or the MSA for the farm scheme." },
  },
  audiences: ["tous_publics", "agriculteurs"],
  lifeMoments: ["avoir_un_enfant", "elever_seul_ses_enfants"],
  checklist: [
    {
      id: "two_children",
      question: {
        fr: "Vous avez au moins 2 enfants de moins de 20 ans à votre charge ?",
        en: "Do you have at least 2 dependent children under 20?",
      },
      expected: "yes",
    },
    {
      id: "residence",
      question: { fr: "Vous et vos enfants vivez en France ?", en: "Do you and your children live in France?" },
      expected: "yes",
    },
    {
      id: "child_income",
      question: {
        fr: "Vos enfants gagnent chacun moins d'environ 55 % du SMIC ?",
        en: "Does each of your children earn less than about 55% of the minimum wage?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Le livret de famille ou les actes de naissance des enfants", en: "Family record book or the children's birth certificates" }, original: false },
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire (RIB)", en: "A copy of your bank details (RIB)" }, original: false },
  ],
  steps: [
    { fr: "Si vous êtes déjà connu de la CAF, déclarez la naissance ou l'arrivée de l'enfant sur caf.fr : les allocations sont alors ouvertes.", en: "If the CAF already knows you, declare the birth or arrival of the child on caf.fr: the allowances then start." },
    { fr: "Sinon, créez votre dossier sur caf.fr (ou msa.fr) et déclarez votre situation.", en: "Otherwise, open a file on caf.fr (or msa.fr) and declare your situation." },
  ],
  form: { number: null, label: { fr: "Déclaration de situation sur caf.fr ou msa.fr", en: "Declaration of situation on caf.fr or msa.fr" } },
  whereToApply: {
    fr: "En ligne sur caf.fr ou msa.fr, ou à l'accueil de la CAF. Le CCAS ou une France Services peut vous aider.",
    en: "Online on caf.fr or msa.fr, or at the CAF desk. The CCAS or a France Services can help you.",
  },
  amount: {
    text: {
      fr: "Environ 150 € par mois pour 2 enfants si vos ressources sont les plus basses. Moins si vos revenus sont plus élevés.",
      en: "About €150 a month for 2 children for the lowest incomes. Less for higher incomes.",
    },
    asOf: "2025-04-01",
    source: "CAF, barème au 1er avril 2025",
  },
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
