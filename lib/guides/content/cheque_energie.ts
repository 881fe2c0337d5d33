import type { BenefitGuide } from "../guide-schema";

export const chequeEnergie: BenefitGuide = {
  code: "cheque_energie",
  title: { fr: "Le chèque énergie", en: "Energy voucher (chèque énergie)" },
  whatItIs: {
    fr: "Le chèque énergie vous aide à payer vos factures d'énergie (électricité, gaz, fioul, bois) ou certains travaux. Il est envoyé une fois par an.",
    en: "The energy voucher helps you pay energy bills (electricity, gas, oil, wood) or some home works. It is sent once a year.",
  },
  whoPays: {
    organisms: ["État"],
    text: { fr: "L'État. Il est envoyé à votre adresse, sans démarche dans la plupart des cas.", en: "The State. It is sent to your address, usually without any application." },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "agriculteurs"],
  lifeMoments: ["devenir_senior"],
  checklist: [
    {
      id: "tax_return",
      question: {
        fr: "Vous avez fait votre déclaration de revenus aux impôts, même si vous n'avez rien à payer ?",
        en: "Did you file your income tax return, even if you owe nothing?",
      },
      expected: "yes",
    },
    {
      id: "own_home",
      question: {
        fr: "Vous avez un logement à votre nom (locataire ou propriétaire) ?",
        en: "Do you have a home in your name (tenant or owner)?",
      },
      expected: "yes",
    },
    {
      id: "low_income",
      question: {
        fr: "Votre revenu fiscal de référence est faible (pour une personne seule, moins d'environ 11 000 € par an) ?",
        en: "Is your reference tax income low (for a single person, under about €11,000 a year)?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Votre dernier avis d'impôt sur le revenu", en: "Your latest income tax notice" }, original: false },
  ],
  steps: [
    { fr: "Faites votre déclaration de revenus chaque année, même sans revenus.", en: "File your income tax return every year, even without income." },
    { fr: "Vérifiez sur chequeenergie.gouv.fr si vous y avez droit.", en: "Check on chequeenergie.gouv.fr whether you are entitled." },
    { fr: "Donnez le chèque à votre fournisseur d'énergie, ou utilisez-le en ligne.", en: "Give the voucher to your energy supplier, or use it online." },
  ],
  form: { number: null, label: { fr: "Aucun formulaire : le chèque est envoyé automatiquement", en: "No form: the voucher is sent automatically" } },
  whereToApply: {
    fr: "Rien à demander dans la plupart des cas. En cas de question : chequeenergie.gouv.fr, le CCAS ou une France Services.",
    en: "Usually nothing to apply for. For questions: chequeenergie.gouv.fr, the CCAS or a France Services.",
  },
  amount: {
    text: { fr: "Entre environ 50 € et 280 € par an, selon vos revenus et votre foyer.", en: "Between about €50 and €280 a year, depending on your income and household." },
    asOf: "2025-01-01",
    source: "Ministère de la Transition écologique (chequeenergie.gouv.fr)",
  },
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
