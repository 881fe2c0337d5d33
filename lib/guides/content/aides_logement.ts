import type { BenefitGuide } from "../guide-schema";

export const aidesLogement: BenefitGuide = {
  code: "aides_logement",
  title: { fr: "Les aides au logement (APL, ALS, ALF)", en: "Housing benefit (APL, ALS, ALF)" },
  whatItIs: {
    fr: "Les aides au logement réduisent votre loyer ou le remboursement de votre prêt. Elles dépendent de vos ressources, de votre loyer et de votre commune.",
    en: "Housing benefit lowers your rent or loan repayment. It depends on your income, your rent and your town.",
  },
  whoPays: {
    organisms: ["CAF", "MSA"],
    text: {
      fr: "La CAF, ou la MSA si vous relevez du régime agricole. Elle peut être versée directement à votre propriétaire.",
      en: "The CAF, or the MSA for the farm scheme. It may be paid straight to your landlord.",
    },
  },
  audiences: ["tous_publics", "jeunes", "plus_de_50_ans"],
  lifeMoments: ["devenir_adulte", "avoir_un_enfant", "elever_seul_ses_enfants"],
  checklist: [
    {
      id: "pays_rent",
      question: {
        fr: "Vous payez un loyer (ou un prêt) pour le logement où vous vivez ?",
        en: "Do you pay rent (or a loan) for the home you live in?",
      },
      expected: "yes",
    },
    {
      id: "main_home",
      question: {
        fr: "C'est votre résidence principale (vous y vivez au moins 8 mois par an) ?",
        en: "Is it your main home (you live there at least 8 months a year)?",
      },
      expected: "yes",
    },
    {
      id: "family_landlord",
      question: {
        fr: "Vous louez ce logement à l'un de vos parents, grands-parents ou enfants ?",
        en: "Do you rent this home from a parent, grandparent or child of yours?",
      },
      expected: "no",
    },
    {
      id: "modest_income",
      question: { fr: "Les ressources de votre foyer sont modestes ?", en: "Is your household income modest?" },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Votre bail ou contrat de location", en: "Your lease" }, original: false },
    { label: { fr: "Une quittance ou un avis d'échéance de loyer récent", en: "A recent rent receipt" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire (RIB)", en: "A copy of your bank details (RIB)" }, original: false },
    { label: { fr: "Le numéro SIRET ou les coordonnées de votre propriétaire", en: "Your landlord's details" }, original: false },
  ],
  steps: [
    { fr: "Faites la simulation sur caf.fr.", en: "Run the simulation on caf.fr." },
    { fr: "Faites la demande en ligne dès votre entrée dans le logement : l'aide n'est pas versée pour le passé.", en: "Apply online as soon as you move in: the aid is not paid for past months." },
    { fr: "Votre propriétaire remplit l'attestation de loyer, en ligne ou sur papier.", en: "Your landlord fills in the rent certificate, online or on paper." },
  ],
  form: { number: null, label: { fr: "Demande en ligne sur caf.fr ou msa.fr", en: "Online application on caf.fr or msa.fr" } },
  whereToApply: {
    fr: "En ligne sur caf.fr ou msa.fr. Le CCAS ou une France Services peut vous aider.",
    en: "Online on caf.fr or msa.fr. The CCAS or a France Services can help you.",
  },
  amount: null,
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
