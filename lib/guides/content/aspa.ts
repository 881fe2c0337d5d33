import type { BenefitGuide } from "../guide-schema";

export const aspa: BenefitGuide = {
  code: "aspa",
  title: { fr: "Le minimum vieillesse (ASPA)", en: "Minimum old-age pension (ASPA)" },
  whatItIs: {
    fr: "L'allocation de solidarité aux personnes âgées (ASPA) complète votre retraite si elle est faible. Elle vous assure un revenu minimum.",
    en: "The ASPA tops up a low pension. It guarantees you a minimum income.",
  },
  whoPays: {
    organisms: ["CARSAT", "MSA", "Caisse de retraite"],
    text: {
      fr: "Votre caisse de retraite (CARSAT, MSA…). Les sommes versées peuvent être reprises sur la succession au-delà d'un certain montant.",
      en: "Your pension fund (CARSAT, MSA…). Amounts paid may be recovered from the estate above a threshold.",
    },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "agriculteurs"],
  lifeMoments: ["devenir_senior"],
  checklist: [
    {
      id: "age_65",
      question: {
        fr: "Vous avez 65 ans ou plus (ou l'âge légal de la retraite si vous êtes en invalidité ou handicapé) ?",
        en: "Are you 65 or older (or at the legal retirement age if you are disabled)?",
      },
      expected: "yes",
    },
    {
      id: "residence",
      question: { fr: "Vous vivez en France plus de 9 mois par an ?", en: "Do you live in France more than 9 months a year?" },
      expected: "yes",
    },
    {
      id: "pensions_claimed",
      question: {
        fr: "Vous avez demandé toutes vos retraites (de base et complémentaires) ?",
        en: "Have you claimed all your pensions (basic and supplementary)?",
      },
      expected: "yes",
    },
    {
      id: "low_resources",
      question: {
        fr: "Vos ressources sont faibles (pour une personne seule, moins d'environ 1 030 € par mois) ?",
        en: "Is your income low (for a single person, under about €1,030 a month)?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Vos justificatifs de ressources des 3 derniers mois", en: "Proof of your income for the last 3 months" }, original: false },
    { label: { fr: "Votre dernier avis d'imposition", en: "Your latest tax notice" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire (RIB)", en: "A copy of your bank details (RIB)" }, original: false },
  ],
  steps: [
    { fr: "Demandez le formulaire de demande d'ASPA à votre caisse de retraite, ou téléchargez-le.", en: "Ask your pension fund for the ASPA form, or download it." },
    { fr: "Remplissez-le avec vos ressources.", en: "Fill it in with your income." },
    { fr: "Envoyez le dossier avec les photocopies à votre caisse de retraite.", en: "Send the file with the copies to your pension fund." },
  ],
  form: { number: null, label: { fr: "Demande d'allocation de solidarité aux personnes âgées (auprès de votre caisse de retraite)", en: "ASPA application (from your pension fund)" } },
  whereToApply: {
    fr: "Auprès de la caisse qui vous verse votre retraite (CARSAT, MSA…). Si vous n'avez aucune retraite, à la mairie ou au CCAS.",
    en: "At the fund that pays your pension (CARSAT, MSA…). If you have no pension, at the town hall or the CCAS.",
  },
  amount: {
    text: {
      fr: "Jusqu'à environ 1 030 € par mois pour une personne seule, moins vos autres ressources.",
      en: "Up to about €1,030 a month for a single person, minus your other income.",
    },
    asOf: "2025-01-01",
    source: "Assurance retraite, décret de revalorisation au 1er janvier 2025",
  },
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
