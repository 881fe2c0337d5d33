import type { BenefitGuide } from "../guide-schema";

export const retraiteReversion: BenefitGuide = {
  code: "retraite_reversion",
  title: { fr: "La retraite et la pension de réversion", en: "Retirement and survivor's pension" },
  whatItIs: {
    fr: "Votre retraite ne vient pas toute seule : il faut la demander. Si votre époux ou épouse est décédé, vous pouvez aussi toucher une partie de sa retraite : c'est la pension de réversion.",
    en: "Your pension does not start by itself: you must claim it. If your spouse has died, you may also receive part of their pension: the survivor's pension.",
  },
  whoPays: {
    organisms: ["CARSAT", "MSA", "Caisse de retraite"],
    text: {
      fr: "Chaque caisse de retraite où vous (ou votre conjoint décédé) avez cotisé : CARSAT, MSA, caisses complémentaires…",
      en: "Each pension fund you (or your late spouse) paid into: CARSAT, MSA, supplementary funds…",
    },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "agriculteurs"],
  lifeMoments: ["devenir_senior"],
  // The checklist is the survivor's pension's (régime général); the steps also cover one's own pension.
  checklist: [
    {
      id: "age_55",
      question: { fr: "Vous avez 55 ans ou plus ?", en: "Are you 55 or older?" },
      expected: "yes",
    },
    {
      id: "widowed",
      question: {
        fr: "Vous avez été marié (le PACS ne compte pas) avec une personne aujourd'hui décédée ?",
        en: "Were you married (a PACS does not count) to someone who has died?",
      },
      expected: "yes",
    },
    {
      id: "modest_income",
      question: {
        fr: "Vos ressources sont inférieures à environ 2 000 € par mois si vous vivez seul ?",
        en: "Is your income under about €2,000 a month if you live alone?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "L'acte de décès et l'acte de mariage (pour la réversion)", en: "Death and marriage certificates (for the survivor's pension)" }, original: false },
    { label: { fr: "Votre dernier avis d'imposition", en: "Your latest tax notice" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire (RIB)", en: "A copy of your bank details (RIB)" }, original: false },
  ],
  steps: [
    { fr: "Consultez votre relevé de carrière sur info-retraite.fr.", en: "Check your career record on info-retraite.fr." },
    { fr: "Faites une seule demande en ligne pour toutes vos caisses sur info-retraite.fr (retraite ou réversion).", en: "Make a single online application for all your funds on info-retraite.fr (pension or survivor's pension)." },
    { fr: "Sans internet, demandez le formulaire papier à votre caisse de retraite et envoyez-le avec les photocopies.", en: "Without internet, ask your pension fund for the paper form and send it with the copies." },
  ],
  form: { number: null, label: { fr: "Demande unique en ligne sur info-retraite.fr", en: "Single online application on info-retraite.fr" } },
  whereToApply: {
    fr: "Sur info-retraite.fr, ou à l'accueil de votre caisse de retraite (CARSAT, MSA…). Une France Services ou le CCAS peut vous aider.",
    en: "On info-retraite.fr, or at your pension fund (CARSAT, MSA…). A France Services or the CCAS can help you.",
  },
  amount: null,
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
