import type { BenefitGuide } from "../guide-schema";

/** Follows the KIT TZNR's sheet verbatim (GUIDES-EVALUATION.md §A.4, form 11174*05). */
export const pensionInvalidite: BenefitGuide = {
  code: "pension_invalidite",
  title: { fr: "La Pension d'Invalidité", en: "Invalidity pension" },
  whatItIs: {
    fr: "Suite à un accident ou d'une maladie non professionnelle, vous pouvez bénéficier d'une aide dans vos ressources.",
    en: "After an accident or an illness that is not work-related, you may get support for your income.",
  },
  whoPays: {
    organisms: ["CPAM", "MSA"],
    text: {
      fr: "Votre organisme d'assurance maladie : la CPAM, ou la MSA si vous relevez du régime agricole.",
      en: "Your health insurance body: the CPAM, or the MSA for the farm scheme.",
    },
  },
  audiences: ["tous_publics", "plus_de_50_ans", "agriculteurs"],
  lifeMoments: [],
  checklist: [
    {
      id: "employed_or_jobseeker",
      question: { fr: "Vous êtes en emploi ou en recherche d'emploi ?", en: "Are you employed or looking for work?" },
      expected: "yes",
    },
    {
      id: "health_reduces_income",
      question: {
        fr: "Vos difficultés de santé impactent vos revenus professionnels ?",
        en: "Do your health problems reduce your earnings?",
      },
      expected: "yes",
    },
    {
      id: "insured_12_months",
      question: {
        fr: "Vous êtes protégé par la Sécurité sociale depuis plus de 12 mois ?",
        en: "Have you been covered by Social Security for more than 12 months?",
      },
      expected: "yes",
    },
  ],
  documents: [
    { label: { fr: "Une photocopie de votre carte d'identité ou titre de séjour", en: "A copy of your ID card or residence permit" }, original: false },
    { label: { fr: "Une photocopie de vos diplômes", en: "A copy of your diplomas" }, original: false },
    { label: { fr: "Votre CV", en: "Your CV" }, original: true },
    { label: { fr: "Votre carte vitale", en: "Your carte Vitale" }, original: true },
    { label: { fr: "Une photocopie de vos fiches de paie", en: "A copy of your payslips" }, original: false },
    { label: { fr: "Une photocopie de votre relevé d'identité bancaire", en: "A copy of your bank details (RIB)" }, original: false },
  ],
  steps: [
    { fr: "Remplir le document : Formulaire 11174*05", en: "Fill in form 11174*05" },
    { fr: "Envoyer le dossier avec les photocopies à votre organisme", en: "Send the file with the copies to your organisation" },
  ],
  form: { number: "11174*05", label: { fr: "Demande de pension d'invalidité", en: "Invalidity pension application" } },
  whereToApply: {
    fr: "À votre organisme d'assurance maladie (CPAM, ou MSA si vous relevez du régime agricole). Votre médecin traitant ou le médecin-conseil peut aussi lancer la démarche.",
    en: "At your health insurance body (CPAM, or MSA for the farm scheme). Your GP or the insurance's doctor may also start the process.",
  },
  amount: null,
  lastCheckedOn: "2026-11-30",
  status: "to_check",
};
