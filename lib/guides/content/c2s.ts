import type { BenefitGuide } from "../guide-schema";

export const c2s: BenefitGuide = {
  code: "c2s",
  title: { fr: "La complémentaire santé solidaire (C2S)", en: "Free or low-cost health cover (C2S)" },
  whatItIs: {
    fr: "La C2S paie la part de vos soins que la Sécurité sociale ne rembourse pas. Vous n'avancez pas les frais chez le médecin, le dentiste ou à la pharmacie.",
    en: "C2S pays the part of your care that Social Security does not refund. You pay nothing upfront at the doctor's, the dentist's or the pharmacy.",
  },
  whoPays: {
    organisms: ["CPAM", "MSA"],
    text: { fr: "Votre caisse d'assurance maladie (CPAM ou MSA).", en: "Your health insurance fund (CPAM or MSA)." },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "agriculteurs", "jeunes"],
  lifeMoments: ["devenir_adulte", "avoir_un_enfant", "elever_seul_ses_enfants"],
  checklist: [
    {
      id: "residence",
      question: {
        fr: "Vous vivez en France depuis plus de 3 mois, de façon régulière ?",
        en: "Have you lived in France for more than 3 months, lawfully?",
      },
      expected: "yes",
    },
    {
      id: "insured",
      question: { fr: "Vous avez l'assurance maladie (carte Vitale ou attestation) ?", en: "Are you covered by health insurance?" },
      expected: "yes",
    },
    {
      id: "low_resources",
      question: {
        fr: "Les ressources de votre foyer sont modestes (pour une personne seule, moins d'environ 1 100 € par mois) ?",
        en: "Is your household income modest (for a single person, under about €1,100 a month)?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Votre carte Vitale", en: "Your carte Vitale" }, original: true },
    { label: { fr: "Vos ressources des 12 derniers mois", en: "Your income for the last 12 months" }, original: false },
  ],
  steps: [
    { fr: "Faites la demande sur votre compte ameli, ou remplissez le formulaire papier.", en: "Apply from your ameli account, or fill in the paper form." },
    { fr: "Envoyez le dossier avec les photocopies à votre caisse d'assurance maladie.", en: "Send the file with the copies to your health insurance fund." },
    { fr: "Si vous touchez le RSA, la C2S gratuite peut être ouverte plus simplement : demandez-la.", en: "If you receive RSA, free C2S is easier to get: ask for it." },
  ],
  form: { number: null, label: { fr: "Demande de complémentaire santé solidaire (sur ameli.fr ou à l'accueil de la CPAM)", en: "C2S application (on ameli.fr or at the CPAM)" } },
  whereToApply: {
    fr: "Sur ameli.fr, à l'accueil de la CPAM (ou de la MSA), ou avec l'aide du CCAS ou d'une France Services.",
    en: "On ameli.fr, at the CPAM (or MSA) desk, or with help from the CCAS or a France Services.",
  },
  amount: {
    text: {
      fr: "Gratuite, ou moins de 1 € par jour et par personne selon vos ressources et votre âge.",
      en: "Free, or less than €1 a day per person depending on your income and age.",
    },
    asOf: "2025-04-01",
    source: "Assurance maladie (ameli.fr), code de la sécurité sociale",
  },
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
