import type { Option, QuestionnaireInput } from "../definition-schema";
import { BENEFITS } from "./benefits";
import { NON_RECOURS_TREE } from "./reasons";

/**
 * The questionnaire common to every territory, built from Odenore's typology (DOMAIN.md §1–2).
 * Question ids are stable across versions: the committee's indicators and later issues use them.
 * Aim: about 10 minutes on a phone.
 */
const yes: Option = { value: "yes", label: { fr: "Oui", en: "Yes" } };
const no: Option = { value: "no", label: { fr: "Non", en: "No" } };
const dk: Option = { value: "dk", label: { fr: "Je ne sais pas", en: "I don't know" } };

export const commonQuestionnaire: QuestionnaireInput = {
  key: "common",
  title: { fr: "Baromètre du non-recours — questionnaire commun", en: "Non-take-up barometer — common questionnaire" },
  sections: [
    {
      id: "about_you",
      title: { fr: "Vous et votre foyer", en: "You and your household" },
      intro: {
        fr: "Ces questions servent à comparer les situations. Elles ne permettent pas de vous reconnaître.",
        en: "These questions help compare situations. They cannot be used to identify you.",
      },
      questions: [
        {
          id: "sex", type: "single", preferNot: true,
          label: { fr: "Vous êtes…", en: "You are…" },
          options: [
            { value: "femme", label: { fr: "Une femme", en: "A woman" } },
            { value: "homme", label: { fr: "Un homme", en: "A man" } },
            { value: "autre", label: { fr: "Autre", en: "Other" } },
          ],
        },
        {
          id: "birth_year", type: "year", min: 1910, maxOffset: -15, preferNot: true,
          label: { fr: "Votre année de naissance", en: "Your year of birth" },
          help: { fr: "En chiffres, par exemple 1975.", en: "In digits, for example 1975." },
        },
        {
          id: "household_type", type: "single", preferNot: true,
          label: { fr: "Avec qui vivez-vous ?", en: "Who do you live with?" },
          options: [
            { value: "alone", label: { fr: "Seul·e", en: "Alone" } },
            { value: "couple_no_child", label: { fr: "En couple, sans enfant", en: "As a couple, without children" } },
            { value: "couple_with_children", label: { fr: "En couple, avec enfant(s)", en: "As a couple, with child(ren)" } },
            { value: "single_parent", label: { fr: "Seul·e avec enfant(s)", en: "Alone with child(ren)" } },
            { value: "with_family_or_others", label: { fr: "Chez de la famille ou avec d'autres personnes", en: "With family or other people" } },
          ],
        },
        {
          id: "children_count", type: "number", min: 0, max: 15,
          label: { fr: "Combien d'enfants vivent avec vous ?", en: "How many children live with you?" },
          showIf: { q: "household_type", op: "in", values: ["couple_with_children", "single_parent"] },
        },
        {
          id: "activity", type: "single", preferNot: true,
          label: { fr: "Quelle est votre situation actuelle ?", en: "What is your current situation?" },
          options: [
            { value: "employed", label: { fr: "Salarié·e", en: "Employed" } },
            { value: "self_employed", label: { fr: "À mon compte", en: "Self-employed" } },
            { value: "unemployed", label: { fr: "Sans emploi", en: "Unemployed" } },
            { value: "student", label: { fr: "En études ou en formation", en: "Studying or in training" } },
            { value: "retired", label: { fr: "À la retraite", en: "Retired" } },
            { value: "home_parent", label: { fr: "Au foyer", en: "Stay-at-home" } },
            { value: "unable_to_work", label: { fr: "Ne peut pas travailler (santé, handicap)", en: "Unable to work (health, disability)" } },
            { value: "other", label: { fr: "Autre", en: "Other" } },
          ],
        },
        {
          id: "housing", type: "single", preferNot: true,
          label: { fr: "Votre logement", en: "Your housing" },
          options: [
            { value: "social_housing", label: { fr: "Locataire d'un logement social", en: "Social housing tenant" } },
            { value: "private_rental", label: { fr: "Locataire dans le privé", en: "Private tenant" } },
            { value: "owner", label: { fr: "Propriétaire", en: "Owner" } },
            { value: "hosted", label: { fr: "Hébergé·e par quelqu'un", en: "Staying with someone" } },
            { value: "no_stable_housing", label: { fr: "Sans logement stable", en: "No stable housing" } },
            { value: "other", label: { fr: "Autre", en: "Other" } },
          ],
        },
        {
          id: "income_band", type: "single", required: false, preferNot: true,
          label: { fr: "Les revenus de votre foyer, par mois", en: "Your household's income, per month" },
          help: { fr: "Toutes ressources comprises (salaires, aides, pensions).", en: "All resources included (wages, benefits, pensions)." },
          options: [
            { value: "lt_800", label: { fr: "Moins de 800 €", en: "Less than €800" } },
            { value: "800_1200", label: { fr: "De 800 à 1 200 €", en: "€800 to €1,200" } },
            { value: "1200_1800", label: { fr: "De 1 200 à 1 800 €", en: "€1,200 to €1,800" } },
            { value: "1800_2500", label: { fr: "De 1 800 à 2 500 €", en: "€1,800 to €2,500" } },
            { value: "gt_2500", label: { fr: "Plus de 2 500 €", en: "More than €2,500" } },
          ],
        },
      ],
    },
    {
      id: "neighbourhood",
      title: { fr: "Votre quartier", en: "Your neighbourhood" },
      questions: [
        {
          id: "neighbourhood", type: "neighbourhood", preferNot: true,
          label: { fr: "Dans quel quartier habitez-vous ?", en: "Which neighbourhood do you live in?" },
          help: { fr: "Choisissez le nom le plus proche de chez vous.", en: "Choose the name closest to where you live." },
        },
        {
          id: "years_in_neighbourhood", type: "single",
          label: { fr: "Depuis combien de temps y habitez-vous ?", en: "How long have you lived there?" },
          showIf: { q: "neighbourhood", op: "not_in", values: ["outside", "prefer_not"] },
          options: [
            { value: "lt_1", label: { fr: "Moins d'un an", en: "Less than a year" } },
            { value: "1_5", label: { fr: "De 1 à 5 ans", en: "1 to 5 years" } },
            { value: "5_10", label: { fr: "De 5 à 10 ans", en: "5 to 10 years" } },
            { value: "gt_10", label: { fr: "Plus de 10 ans", en: "More than 10 years" } },
          ],
        },
      ],
    },
    {
      id: "benefits",
      title: { fr: "Les aides", en: "Benefits" },
      intro: {
        fr: "Pour chaque aide, dites-nous si vous la connaissez et si vous la recevez. Il n'y a pas de bonne ou de mauvaise réponse.",
        en: "For each benefit, tell us whether you know it and whether you receive it. There is no right or wrong answer.",
      },
      questions: [
        {
          id: "benefits", type: "benefit_grid",
          label: { fr: "Les aides que vous connaissez et celles que vous recevez", en: "The benefits you know and those you receive" },
          rows: BENEFITS,
          columns: [
            { id: "known", label: { fr: "Vous la connaissez ?", en: "Do you know it?" }, options: [yes, no] },
            {
              id: "received", label: { fr: "Vous la recevez ?", en: "Do you receive it?" }, options: [yes, no, dk],
              showIf: [{ field: "known", op: "eq", value: "yes" }],
            },
            {
              id: "asked", label: { fr: "L'avez-vous déjà demandée ?", en: "Have you ever applied for it?" }, options: [yes, no, dk],
              showIf: [{ field: "known", op: "eq", value: "yes" }, { field: "received", op: "in", values: ["no", "dk"] }],
            },
            {
              id: "gave_up", label: { fr: "Avez-vous abandonné la demande ?", en: "Did you give up the application?" }, options: [yes, no],
              showIf: [{ field: "asked", op: "eq", value: "yes" }],
            },
          ],
        },
      ],
    },
    {
      id: "reasons",
      title: { fr: "Pourquoi pas ?", en: "Why not?" },
      intro: {
        fr: "Pour chaque aide que vous connaissez sans la recevoir, quelle est la raison principale ?",
        en: "For each benefit you know but do not receive, what is the main reason?",
      },
      questions: [
        {
          id: "why_not", type: "cascade",
          label: { fr: "La raison principale", en: "The main reason" },
          levels: [
            { id: "forme", label: { fr: "Ce qui s'est passé", en: "What happened" } },
            { id: "raison", label: { fr: "Pourquoi", en: "Why" } },
            { id: "niveau", label: { fr: "Plus précisément", en: "More precisely" }, required: false },
          ],
          options: NON_RECOURS_TREE,
          forEach: {
            q: "benefits",
            where: [{ field: "known", op: "eq", value: "yes" }, { field: "received", op: "in", values: ["no", "dk"] }],
          },
        },
        {
          id: "caused_by_other", type: "yes_no", required: false,
          label: { fr: "Ne pas recevoir une aide vous a-t-il fait perdre une autre aide ?", en: "Did not receiving one benefit make you lose another one?" },
          help: { fr: "Par exemple : sans RSA, pas de complémentaire santé gratuite.", en: "For example: without RSA, no free health cover." },
        },
      ],
    },
    {
      id: "administrations",
      title: { fr: "Vous et les administrations", en: "You and public services" },
      questions: [
        { id: "difficulty_appointments", type: "yes_no", label: { fr: "Avez-vous du mal à obtenir un rendez-vous (CAF, CPAM, France Travail…) ?", en: "Do you find it hard to get an appointment (CAF, CPAM, France Travail…)?" } },
        { id: "difficulty_phone", type: "yes_no", label: { fr: "Avez-vous du mal à joindre quelqu'un par téléphone ?", en: "Do you find it hard to reach someone by phone?" } },
        { id: "difficulty_online", type: "yes_no", label: { fr: "Les démarches en ligne sont-elles difficiles pour vous ?", en: "Are online procedures difficult for you?" } },
        {
          id: "online_equipment", type: "multiple",
          label: { fr: "De quoi disposez-vous ?", en: "What do you have?" },
          options: [
            { value: "smartphone", label: { fr: "Un smartphone", en: "A smartphone" } },
            { value: "computer", label: { fr: "Un ordinateur", en: "A computer" } },
            { value: "internet_at_home", label: { fr: "Internet à la maison", en: "Internet at home" } },
            { value: "none", label: { fr: "Rien de tout cela", en: "None of these" }, exclusive: true },
          ],
        },
        {
          id: "trust_administrations", type: "single",
          label: { fr: "Faites-vous confiance aux administrations pour vous aider ?", en: "Do you trust public services to help you?" },
          options: [
            { value: "full", label: { fr: "Tout à fait", en: "Completely" } },
            { value: "rather_yes", label: { fr: "Plutôt oui", en: "Rather yes" } },
            { value: "rather_no", label: { fr: "Plutôt non", en: "Rather not" } },
            { value: "not_at_all", label: { fr: "Pas du tout", en: "Not at all" } },
            { value: "dk", label: { fr: "Je ne sais pas", en: "I don't know" } },
          ],
        },
        {
          id: "fear_repaying", type: "yes_no",
          label: { fr: "Avez-vous peur de devoir rembourser une aide plus tard ?", en: "Are you afraid of having to pay a benefit back later?" },
          help: { fr: "Quand une aide a été versée en trop, l'administration peut la réclamer : on parle d'« indus ».", en: "When too much was paid, the administration can claim it back (an \"overpayment\")." },
        },
        { id: "shame_reexplaining", type: "yes_no", label: { fr: "Vous est-il pénible de devoir réexpliquer votre situation à chaque démarche ?", en: "Is it painful to explain your situation again at every step?" } },
        {
          id: "who_helps", type: "multiple",
          label: { fr: "Qui vous aide dans vos démarches ?", en: "Who helps you with your procedures?" },
          options: [
            { value: "nobody", label: { fr: "Personne", en: "Nobody" }, exclusive: true },
            { value: "family", label: { fr: "La famille", en: "Family" } },
            { value: "friends_neighbours", label: { fr: "Des amis, des voisins", en: "Friends, neighbours" } },
            { value: "social_worker", label: { fr: "Un·e assistant·e social·e", en: "A social worker" } },
            { value: "association", label: { fr: "Une association", en: "A charity or association" } },
            { value: "france_services", label: { fr: "France Services", en: "France Services" } },
            { value: "ccas", label: { fr: "Le CCAS", en: "The CCAS (city social services)" } },
            { value: "maison_pour_tous", label: { fr: "Une Maison pour tous, un centre social", en: "A community centre" } },
            { value: "other", label: { fr: "Autre", en: "Other" } },
          ],
        },
        {
          id: "accompanied_refused", type: "yes_no", required: false,
          label: { fr: "Vous a-t-on déjà refusé d'être accompagné·e par une personne de votre choix ?", en: "Have you ever been refused the right to bring a person of your choice?" },
        },
      ],
    },
  ],
};
