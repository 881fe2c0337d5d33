"use server";

import { submitFollowUp, submitIdentity, submitSituation, type SituationFormState } from "@/lib/detection/form-actions";
import { checkedFormData, FORM_MESSAGE } from "@/lib/validation/parsers";

/** Thin server actions: a checked FormData, then lib/detection/form-actions.ts. */
const slugOf = (slug: unknown) => (typeof slug === "string" && slug ? slug.slice(0, 60) : undefined);

export async function saveSituationAction(slug: string | null, situationId: string | null, prev: SituationFormState, form: FormData): Promise<SituationFormState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: FORM_MESSAGE }, values: prev.values, n: prev.n + 1 };
  return submitSituation(slugOf(slug), typeof situationId === "string" ? situationId : null, prev, checked);
}

export async function followUpAction(slug: string | null, situationId: string, form: FormData) {
  const checked = checkedFormData(form);
  if (!checked) return;
  await submitFollowUp(slugOf(slug), String(situationId), checked);
}

export async function identityAction(slug: string | null, code: string, form: FormData) {
  const checked = checkedFormData(form);
  if (!checked) return;
  await submitIdentity(slugOf(slug), String(code).slice(0, 40), checked);
}
