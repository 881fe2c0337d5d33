import type { Option, QuestionnaireInput } from "../definition-schema";

/** Montpellier's module: knowledge and use of local help, and where/when to meet someone. */
const PLACES: Option[] = [
  { value: "maison_pour_tous", label: { fr: "Une Maison pour tous", en: "A Maison pour tous (community centre)" } },
  { value: "ccas", label: { fr: "Le CCAS", en: "The CCAS (city social services)" } },
  { value: "france_services", label: { fr: "Un espace France Services", en: "A France Services office" } },
  { value: "caf_accueil", label: { fr: "L'accueil de la CAF", en: "The CAF front desk" } },
  { value: "mds", label: { fr: "Une Maison départementale des solidarités", en: "A departmental social services centre (MDS)" } },
];

export const montpellierModule: QuestionnaireInput = {
  key: "montpellier",
  title: { fr: "Module de Montpellier", en: "Montpellier module" },
  sections: [
    {
      id: "mtp_local_help",
      title: { fr: "L'aide près de chez vous", en: "Help near you" },
      questions: [
        {
          id: "mtp_known_places", type: "multiple",
          label: { fr: "Quels lieux d'aide connaissez-vous ?", en: "Which places of help do you know?" },
          options: [...PLACES, { value: "none", label: { fr: "Aucun", en: "None" }, exclusive: true }],
        },
        {
          id: "mtp_used_places", type: "multiple", required: false,
          label: { fr: "Où êtes-vous déjà allé·e pour être aidé·e ?", en: "Where have you already gone for help?" },
          showIf: { all: [{ q: "mtp_known_places", op: "answered" }, { not: { q: "mtp_known_places", op: "includes", value: "none" } }] },
          options: PLACES,
        },
        {
          id: "mtp_mpt_frequency", type: "single",
          label: { fr: "Allez-vous dans une Maison pour tous ?", en: "Do you go to a Maison pour tous?" },
          options: [
            { value: "weekly", label: { fr: "Chaque semaine", en: "Every week" } },
            { value: "monthly", label: { fr: "Chaque mois", en: "Every month" } },
            { value: "rarely", label: { fr: "Rarement", en: "Rarely" } },
            { value: "never", label: { fr: "Jamais", en: "Never" } },
          ],
        },
      ],
    },
    {
      id: "mtp_meeting",
      title: { fr: "Rencontrer quelqu'un pour faire le point", en: "Meeting someone to review your situation" },
      questions: [
        {
          id: "mtp_meet_where", type: "multiple",
          label: { fr: "Où aimeriez-vous rencontrer quelqu'un ?", en: "Where would you like to meet someone?" },
          options: [
            { value: "maison_pour_tous", label: { fr: "Dans une Maison pour tous", en: "In a Maison pour tous" } },
            { value: "ccas_office", label: { fr: "Dans les locaux du CCAS", en: "At the CCAS offices" } },
            { value: "market", label: { fr: "Sur le marché", en: "At the market" } },
            { value: "at_home", label: { fr: "Chez moi", en: "At home" } },
            { value: "by_phone", label: { fr: "Par téléphone", en: "By phone" } },
            { value: "video", label: { fr: "En visio", en: "By video call" } },
            { value: "other", label: { fr: "Ailleurs", en: "Elsewhere" } },
          ],
        },
        {
          id: "mtp_meet_when", type: "multiple",
          label: { fr: "À quel moment ?", en: "When?" },
          options: [
            { value: "weekday_morning", label: { fr: "En semaine, le matin", en: "Weekdays, morning" } },
            { value: "weekday_afternoon", label: { fr: "En semaine, l'après-midi", en: "Weekdays, afternoon" } },
            { value: "weekday_evening", label: { fr: "En semaine, après 18 h", en: "Weekdays, after 6 pm" } },
            { value: "saturday", label: { fr: "Le samedi", en: "Saturday" } },
          ],
        },
        {
          id: "mtp_comments", type: "long_text", maxLength: 1000, required: false,
          label: { fr: "Voulez-vous ajouter quelque chose ?", en: "Would you like to add anything?" },
          help: { fr: "N'écrivez pas votre nom ni vos coordonnées ici.", en: "Do not write your name or contact details here." },
        },
      ],
    },
  ],
};
