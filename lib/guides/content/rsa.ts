import type { BenefitGuide } from "../guide-schema";

export const rsa: BenefitGuide = {
  code: "rsa",
  title: { fr: "Le revenu de solidarité active (RSA)", en: "RSA (minimum income)" },
  whatItIs: {
    fr: "Le RSA vous assure un revenu minimum si vous avez peu ou pas de ressources. Il s'accompagne d'un suivi pour vous aider à trouver un emploi ou un projet.",
    en: "RSA gives you a minimum income if you have little or no income. It comes with support to help you find work or a project.",
  },
  whoPays: {
    organisms: ["CAF", "MSA", "Département"],
    text: {
      fr: "La CAF (ou la MSA si vous relevez du régime agricole) vous le verse. Le Département le finance et vous accompagne.",
      en: "The CAF (or the MSA for farm workers) pays it. The Département funds it and supports you.",
    },
  },
  audiences: ["tous_publics", "agriculteurs"],
  lifeMoments: ["elever_seul_ses_enfants"],
  checklist: [
    {
      id: "age_25",
      question: {
        fr: "Vous avez 25 ans ou plus, ou vous êtes enceinte, ou vous avez un enfant à charge ?",
        en: "Are you 25 or older, or pregnant, or do you have a dependent child?",
      },
      expected: "yes",
    },
    {
      id: "residence",
      question: { fr: "Vous vivez en France de façon stable ?", en: "Do you live in France on a stable basis?" },
      expected: "yes",
    },
    {
      id: "nationality",
      question: {
        fr: "Vous êtes français, citoyen européen, ou vous avez un titre de séjour qui permet de travailler depuis au moins 5 ans ?",
        en: "Are you French, an EU citizen, or have you held a residence permit allowing work for at least 5 years?",
      },
      expected: "yes",
    },
    {
      id: "low_resources",
      question: {
        fr: "Les ressources de votre foyer sont faibles (pour une personne seule, moins d'environ 650 € par mois) ?",
        en: "Is your household income low (for a single person, under about €650 a month)?",
      },
      expected: "yes",
    },
    {
      id: "student",
      question: { fr: "Vous êtes étudiant ou stagiaire non rémunéré ?", en: "Are you a student or an unpaid intern?" },
      expected: "no",
    },
  ],
  documents: [
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Votre numéro de sécurité sociale (carte Vitale)", en: "Your social security number (carte Vitale)" }, original: true },
    { label: { fr: "Vos ressources des 3 derniers mois (fiches de paie, allocations…)", en: "Your income for the last 3 months" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire (RIB)", en: "A copy of your bank details (RIB)" }, original: false },
  ],
  steps: [
    { fr: "Faites le test et la demande en ligne sur caf.fr (ou msa.fr), ou avec l'aide du CCAS.", en: "Check and apply online on caf.fr (or msa.fr), or with the CCAS's help." },
    { fr: "Déclarez ensuite vos ressources tous les 3 mois.", en: "Then declare your income every 3 months." },
    { fr: "Rencontrez la personne qui vous accompagne (Département ou France Travail).", en: "Meet your support worker (Département or France Travail)." },
  ],
  form: { number: null, label: { fr: "Demande en ligne sur caf.fr ou msa.fr", en: "Online application on caf.fr or msa.fr" } },
  whereToApply: {
    fr: "En ligne sur caf.fr ou msa.fr, ou avec l'aide du CCAS, d'une France Services ou d'une Maison départementale des solidarités.",
    en: "Online on caf.fr or msa.fr, or with help from the CCAS, a France Services or a departmental solidarity centre.",
  },
  amount: {
    text: {
      fr: "Environ 650 € par mois pour une personne seule sans ressources. Le montant baisse si vous avez d'autres revenus.",
      en: "About €650 a month for a single person without income. It is lower if you have other income.",
    },
    asOf: "2025-04-01",
    source: "CAF, décret de revalorisation du RSA au 1er avril 2025",
  },
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
