"use server";

import {
  submitCancel, submitConsent, submitDecision, submitProposal, submitReport, type ConsentState, type FormState,
} from "@/lib/outreach/form-actions";
import { checkedFormData, FORM_MESSAGE } from "@/lib/validation/parsers";

/** Thin server actions: a checked FormData, then lib/outreach/form-actions.ts. */
const slugOf = (slug: unknown) => (typeof slug === "string" && slug ? slug.slice(0, 60) : undefined);
const idOf = (id: unknown) => String(id).slice(0, 40);

export async function proposeAction(slug: string | null, prev: FormState, form: FormData): Promise<FormState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: FORM_MESSAGE }, values: prev.values, n: prev.n + 1 };
  return submitProposal(slugOf(slug), prev, checked);
}

export async function decideAction(slug: string | null, id: string, form: FormData) {
  const checked = checkedFormData(form);
  if (checked) await submitDecision(slugOf(slug), idOf(id), checked);
}

export async function cancelAction(slug: string | null, id: string, form: FormData) {
  const checked = checkedFormData(form);
  if (checked) await submitCancel(slugOf(slug), idOf(id), checked);
}

export async function reportAction(slug: string | null, id: string, prev: FormState, form: FormData): Promise<FormState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: FORM_MESSAGE }, values: prev.values, n: prev.n + 1 };
  return submitReport(slugOf(slug), idOf(id), prev, checked);
}

export async function consentAction(slug: string | null, id: string, prev: ConsentState, form: FormData): Promise<ConsentState> {
  const checked = checkedFormData(form);
  if (!checked) return { ...prev, errors: { form: "form" }, n: prev.n + 1, saved: false };
  return submitConsent(slugOf(slug), idOf(id), prev, checked);
}
