import type { BenefitGuide } from "../guide-schema";

export const aideFacultative: BenefitGuide = {
  code: "aide_facultative",
  title: { fr: "Les aides facultatives du CCAS", en: "The CCAS's optional aid" },
  whatItIs: {
    fr: "Le CCAS de votre commune peut vous aider en cas de difficulté : une facture, un loyer, des courses, une dépense imprévue. Ces aides dépendent des règles de votre commune.",
    en: "Your town's CCAS can help when you are in difficulty: a bill, rent, food, an unexpected expense. The aid depends on your town's rules.",
  },
  whoPays: {
    organisms: ["CCAS"],
    text: {
      fr: "Le CCAS (centre communal d'action sociale) de votre commune.",
      en: "Your town's CCAS (municipal social welfare centre).",
    },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "agriculteurs", "jeunes"],
  lifeMoments: ["devenir_adulte", "avoir_un_enfant", "elever_seul_ses_enfants", "devenir_senior"],
  checklist: [
    {
      id: "lives_in_town",
      question: { fr: "Vous habitez la commune ?", en: "Do you live in the town?" },
      expected: "yes",
    },
    {
      id: "hardship",
      question: {
        fr: "Vous avez une difficulté pour payer une dépense importante ou pour vivre au quotidien ?",
        en: "Do you struggle to pay a major expense or to cover daily needs?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Un justificatif de domicile", en: "Proof of address" }, original: false },
    { label: { fr: "Vos justificatifs de ressources et de charges (loyer, factures)", en: "Proof of your income and expenses (rent, bills)" }, original: false },
  ],
  steps: [
    { fr: "Prenez rendez-vous avec le CCAS ou une de ses antennes.", en: "Book an appointment with the CCAS or one of its branches." },
    { fr: "Un travailleur social étudie votre situation avec vous et vérifie aussi vos autres droits.", en: "A social worker reviews your situation with you and also checks your other rights." },
    { fr: "Une commission du CCAS décide de l'aide.", en: "A CCAS committee decides on the aid." },
  ],
  form: { number: null, label: { fr: "Dossier de demande remis par le CCAS", en: "Application file given by the CCAS" } },
  whereToApply: {
    fr: "Au CCAS de votre commune ou dans une de ses antennes.",
    en: "At your town's CCAS or one of its branches.",
  },
  amount: null,
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
