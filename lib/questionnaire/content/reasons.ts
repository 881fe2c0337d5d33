import type { CascadeOption } from "../definition-schema";

/**
 * Odenore's typology as a cascade forme → raison → niveau d'explication, worded for an
 * inhabitant. Values are stable ids (the committee's indicators count them).
 */
export const NON_RECOURS_TREE: CascadeOption[] = [
  {
    value: "non_connaissance",
    label: { fr: "Je ne connaissais pas bien cette aide", en: "I did not really know about this benefit" },
    children: [
      { value: "manque_information", label: { fr: "Personne ne m'en a parlé, je n'ai pas trouvé l'information", en: "Nobody told me, I could not find the information" } },
      {
        value: "information_mal_comprise",
        label: { fr: "J'en ai entendu parler mais je n'ai pas compris si j'y avais droit", en: "I heard of it but did not understand whether I was entitled" },
        children: [
          { value: "trop_complique", label: { fr: "Les explications étaient trop compliquées", en: "The explanations were too complicated" } },
          { value: "langue", label: { fr: "À cause de la langue", en: "Because of the language" } },
          { value: "pense_pas_eligible", label: { fr: "Je pensais ne pas y avoir droit", en: "I thought I was not entitled" } },
        ],
      },
    ],
  },
  {
    value: "non_demande",
    label: { fr: "Je la connais mais je ne l'ai pas demandée", en: "I know about it but did not apply" },
    children: [
      {
        value: "calcul_cout_avantage",
        label: { fr: "Ça ne vaut pas le coup ou c'est risqué", en: "It is not worth it, or it is risky" },
        children: [
          { value: "peur_indus", label: { fr: "J'ai peur de devoir rembourser plus tard (« indus »)", en: "I am afraid of having to pay it back later (overpayment)" } },
          { value: "montant_faible", label: { fr: "Le montant est trop faible pour les démarches", en: "The amount is too small for the effort" } },
          { value: "perte_autres_droits", label: { fr: "J'ai peur de perdre d'autres droits", en: "I am afraid of losing other rights" } },
          { value: "recuperation_succession", label: { fr: "Elle pourrait être reprise sur mon héritage", en: "It could be recovered from my estate" } },
        ],
      },
      {
        value: "desaccord",
        label: { fr: "Je ne suis pas d'accord avec ses conditions (contrôles, obligations)", en: "I disagree with its conditions (checks, obligations)" },
      },
      { value: "attente_autre_aide", label: { fr: "J'attends une autre aide, plus adaptée", en: "I am waiting for another, better-suited benefit" } },
      { value: "alternatives", label: { fr: "Je préfère me débrouiller autrement (famille, travail, association)", en: "I prefer to manage otherwise (family, work, charity)" } },
      { value: "civisme", label: { fr: "D'autres en ont plus besoin que moi", en: "Others need it more than I do" } },
      {
        value: "manque_capacites",
        label: { fr: "Je n'ai pas pu faire la demande seul·e", en: "I could not apply on my own" },
        children: [
          { value: "connaissances", label: { fr: "Je ne sais pas comment faire", en: "I do not know how to go about it" } },
          { value: "savoir_faire", label: { fr: "Les démarches (souvent en ligne) sont trop difficiles", en: "The procedures (often online) are too hard" } },
          { value: "confiance", label: { fr: "Je n'ose pas, j'ai honte de demander", en: "I do not dare, I am ashamed to ask" } },
          { value: "accompagnement", label: { fr: "Personne ne peut m'aider", en: "Nobody can help me" } },
        ],
      },
    ],
  },
  {
    value: "non_reception",
    label: { fr: "Je l'ai demandée mais je ne l'ai pas reçue", en: "I applied but did not receive it" },
    children: [
      { value: "oubli", label: { fr: "J'ai oublié une étape ou un délai", en: "I forgot a step or a deadline" } },
      { value: "negligence", label: { fr: "Je n'ai pas terminé le dossier", en: "I did not finish the application" } },
      { value: "lenteur_administrative", label: { fr: "Le dossier est en attente depuis trop longtemps", en: "The application has been pending for too long" } },
      { value: "erreur_administrative", label: { fr: "L'administration a fait une erreur", en: "The administration made a mistake" } },
      {
        value: "pieces_manquantes",
        label: { fr: "Il manquait des papiers", en: "Some documents were missing" },
        children: [
          { value: "pieces_introuvables", label: { fr: "Je n'ai pas pu les obtenir", en: "I could not get them" } },
          { value: "pieces_incomprises", label: { fr: "Je n'ai pas compris lesquels fournir", en: "I did not understand which ones to provide" } },
        ],
      },
      { value: "abandon", label: { fr: "J'ai abandonné en cours de route", en: "I gave up along the way" } },
    ],
  },
  {
    value: "non_proposition",
    label: { fr: "On ne me l'a pas proposée alors que j'y avais peut-être droit", en: "It was not offered to me although I may have been entitled" },
    children: [
      { value: "agent_ne_connait_pas", label: { fr: "La personne qui m'a reçu·e ne la connaissait pas", en: "The person I saw did not know about it" } },
      { value: "protection", label: { fr: "On a voulu me protéger (par exemple d'un risque de dette)", en: "They wanted to protect me (e.g. from a risk of debt)" } },
      { value: "discrimination", label: { fr: "Je pense avoir été traité·e injustement", en: "I think I was treated unfairly" } },
      { value: "fin_budget", label: { fr: "Il n'y avait plus de places ou plus de budget", en: "There were no places or funds left" } },
    ],
  },
];
