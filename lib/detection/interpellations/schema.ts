import { z } from "zod";
import { calendarDate, safeText, uuid } from "@/lib/validation/parsers";
import { LIMITS } from "../reference";
import { findIdentifiers } from "../identifiers";

/**
 * The dossier forms' inputs, checked on the server. Error messages are keys of
 * `detectionDossiers.errors`; `today` (Paris) is an argument so that the rules stay pure.
 */
const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const required = (max: number, key: string, multiline = false) =>
  safeText(max, { message: key, multiline }).pipe(z.string().min(1, { error: key }));

export const TITLE_MAX = 160;
export const TEXT_MAX = 4000;

export const dossierSchema = z.object({
  institution: z.string({ error: "institution" }).regex(/^[a-z0-9_]{1,40}$/, { error: "institution" }),
  periodFrom: calendarDate("periodFrom"),
  periodTo: calendarDate("periodTo"),
  title: required(TITLE_MAX, "title"),
  introduction: z.preprocess(blank, safeText(TEXT_MAX, { message: "introduction", multiline: true }).optional()),
}).refine((d) => d.periodFrom <= d.periodTo, { error: "period_order", path: ["periodTo"] });
export type DossierInput = z.infer<typeof dossierSchema>;

/** A fiche mémoire as edited for the dossier: anonymised, so obvious identifiers are refused. */
export const memoryTextSchema = required(LIMITS.summaryMax, "memory_text", true).superRefine((text, ctx) => {
  const kinds = findIdentifiers(text);
  if (kinds.length) ctx.addIssue({ code: "custom", message: `identifier_${kinds[0]}` });
});

export const casesSchema = z.array(z.object({ situationId: uuid("form"), text: memoryTextSchema })).max(200, { error: "form" });
export type CaseInput = z.infer<typeof casesSchema>[number];

const notAfter = (today: string, key: string) => calendarDate(key).refine((d) => d <= today, { error: `${key}_future` });

export const sendingSchema = (today: string) => z.object({
  sentOn: notAfter(today, "sentOn"),
  sentTo: required(200, "sentTo"),
});
export type SendingInput = z.infer<ReturnType<typeof sendingSchema>>;

export const answerSchema = (today: string) => z.object({
  answeredOn: notAfter(today, "answeredOn"),
  answer: required(TEXT_MAX, "answer", true),
});
export type AnswerInput = z.infer<ReturnType<typeof answerSchema>>;
