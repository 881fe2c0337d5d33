import type { Field, Option } from "@/components/booking/settings/types";
import { TEXT_MAX, TITLE_MAX } from "@/lib/detection/interpellations/schema";

export const DOSSIER_FIELDS = ["institution", "periodFrom", "periodTo", "title", "introduction"];

/** The fields of a new dossier (translated by the page): institution, period, title, general part. */
export function dossierFields(t: (key: string) => string, institutions: Option[], defaults: { periodFrom: string; periodTo: string }): Field[] {
  const f = (k: string) => t(`detectionDossiers.fields.${k}`);
  return [
    { kind: "select", name: "institution", label: f("institution"), options: institutions, placeholder: f("institutionPick") },
    {
      kind: "group", name: "period", legend: f("period"), hint: f("periodHint"), fields: [
        { kind: "date", name: "periodFrom", label: `${f("period")} ${f("from")}`, short: f("from"), defaultValue: defaults.periodFrom },
        { kind: "date", name: "periodTo", label: `${f("period")} ${f("to")}`, short: f("to"), defaultValue: defaults.periodTo },
      ],
    },
    { kind: "text", name: "title", label: f("title"), maxLength: TITLE_MAX },
    { kind: "textarea", name: "introduction", label: f("introduction"), hint: f("introductionHint"), optional: true, maxLength: TEXT_MAX },
  ];
}

/** The sending of a dossier: when and to whom. */
export function sendingFields(t: (key: string) => string, d: { sentOn: string | null; sentTo: string | null }): Field[] {
  const f = (k: string) => t(`detectionDossiers.fields.${k}`);
  return [
    { kind: "date", name: "sentOn", label: f("sentOn"), defaultValue: d.sentOn ?? "" },
    { kind: "text", name: "sentTo", label: f("sentTo"), hint: f("sentToHint"), defaultValue: d.sentTo ?? "", maxLength: 200 },
  ];
}

/** The institution's answer and its date. */
export function answerFields(t: (key: string) => string, d: { answeredOn: string | null; answer: string | null }): Field[] {
  const f = (k: string) => t(`detectionDossiers.fields.${k}`);
  return [
    { kind: "date", name: "answeredOn", label: f("answeredOn"), defaultValue: d.answeredOn ?? "" },
    { kind: "textarea", name: "answer", label: f("answer"), defaultValue: d.answer ?? "", maxLength: TEXT_MAX },
  ];
}
