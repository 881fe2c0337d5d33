import type { BenefitGuide } from "../guide-schema";

export const primeActivite: BenefitGuide = {
  code: "prime_activite",
  title: { fr: "La prime d'activité", en: "Prime d'activité (in-work benefit)" },
  whatItIs: {
    fr: "La prime d'activité complète vos revenus si vous travaillez et gagnez peu. Elle est versée chaque mois.",
    en: "Prime d'activité tops up your income if you work and earn little. It is paid every month.",
  },
  whoPays: {
    organisms: ["CAF", "MSA"],
    text: { fr: "La CAF, ou la MSA si vous relevez du régime agricole.", en: "The CAF, or the MSA for the farm scheme." },
  },
  audiences: ["tous_publics", "jeunes", "agriculteurs"],
  lifeMoments: ["devenir_adulte", "elever_seul_ses_enfants"],
  checklist: [
    { id: "age_18", question: { fr: "Vous avez 18 ans ou plus ?", en: "Are you 18 or older?" }, expected: "yes" },
    {
      id: "working",
      question: {
        fr: "Vous travaillez (salarié, indépendant, apprenti, agriculteur…) ?",
        en: "Do you work (employee, self-employed, apprentice, farmer…)?",
      },
      expected: "yes",
    },
    { id: "residence", question: { fr: "Vous vivez en France de façon stable ?", en: "Do you live in France on a stable basis?" }, expected: "yes" },
    {
      id: "modest_income",
      question: {
        fr: "Vos revenus sont modestes (pour une personne seule, en dessous d'environ 1,5 SMIC) ?",
        en: "Is your income modest (for a single person, below about 1.5 times the minimum wage)?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Vos fiches de paie des 3 derniers mois", en: "Your payslips for the last 3 months" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire (RIB)", en: "A copy of your bank details (RIB)" }, original: false },
    { label: { fr: "Votre numéro de sécurité sociale (carte Vitale)", en: "Your social security number (carte Vitale)" }, original: true },
  ],
  steps: [
    { fr: "Faites la simulation sur caf.fr ou msa.fr.", en: "Run the simulation on caf.fr or msa.fr." },
    { fr: "Faites la demande en ligne.", en: "Apply online." },
    { fr: "Déclarez vos revenus tous les 3 mois pour continuer à la recevoir.", en: "Declare your income every 3 months to keep receiving it." },
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
