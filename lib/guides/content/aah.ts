import type { BenefitGuide } from "../guide-schema";

export const aah: BenefitGuide = {
  code: "aah",
  title: { fr: "L'allocation aux adultes handicapés (AAH)", en: "Disability allowance (AAH)" },
  whatItIs: {
    fr: "L'AAH vous assure un revenu minimum si votre handicap limite votre vie quotidienne ou votre accès à l'emploi. Les revenus de votre conjoint ne comptent plus.",
    en: "AAH guarantees you a minimum income if your disability limits your daily life or access to work. Your partner's income no longer counts.",
  },
  whoPays: {
    organisms: ["MDPH", "CAF", "MSA"],
    text: {
      fr: "La MDPH décide du droit. La CAF (ou la MSA) verse l'allocation.",
      en: "The MDPH decides on the right. The CAF (or MSA) pays the allowance.",
    },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "jeunes"],
  lifeMoments: ["devenir_adulte"],
  checklist: [
    { id: "age_20", question: { fr: "Vous avez 20 ans ou plus (ou 16 ans si vous n'êtes plus à la charge de vos parents) ?", en: "Are you 20 or older (or 16 if no longer dependent on your parents)?" }, expected: "yes" },
    { id: "residence", question: { fr: "Vous vivez en France de façon stable ?", en: "Do you live in France on a stable basis?" }, expected: "yes" },
    {
      id: "disability",
      question: {
        fr: "Votre handicap ou votre maladie vous gêne beaucoup et durablement (au moins un an) dans la vie de tous les jours ou pour travailler ?",
        en: "Does your disability or illness severely and lastingly (at least a year) limit your daily life or your work?",
      },
      expected: "yes",
    },
    {
      id: "modest_income",
      question: {
        fr: "Vos propres ressources sont modestes (pour une personne seule, moins d'environ 1 030 € par mois) ?",
        en: "Is your own income modest (for a single person, under about €1,030 a month)?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Un certificat médical de moins d'un an, rempli par votre médecin", en: "A medical certificate less than a year old, filled in by your doctor" }, original: true },
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Un justificatif de domicile", en: "Proof of address" }, original: false },
  ],
  steps: [
    { fr: "Demandez à votre médecin de remplir le certificat médical MDPH.", en: "Ask your doctor to fill in the MDPH medical certificate." },
    { fr: "Remplissez le formulaire de demande à la MDPH (en ligne ou sur papier).", en: "Fill in the MDPH application form (online or on paper)." },
    { fr: "Envoyez le dossier à la MDPH de votre département. La CAF vous demandera ensuite vos ressources.", en: "Send the file to your département's MDPH. The CAF will then ask for your income." },
  ],
  form: { number: null, label: { fr: "Formulaire de demande à la MDPH et certificat médical MDPH", en: "MDPH application form and medical certificate" } },
  whereToApply: {
    fr: "À la MDPH (maison départementale des personnes handicapées) de votre département. Le CCAS peut vous aider à remplir le dossier.",
    en: "At your département's MDPH (disability centre). The CCAS can help you fill in the file.",
  },
  amount: {
    text: {
      fr: "Jusqu'à environ 1 030 € par mois pour une personne sans ressources.",
      en: "Up to about €1,030 a month for a person without income.",
    },
    asOf: "2025-04-01",
    source: "CAF, revalorisation de l'AAH au 1er avril 2025",
  },
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
