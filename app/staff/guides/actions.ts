"use server";

import { submitGuide, submitValidation, type GuideEditState } from "@/lib/guides/staff-actions";
import { checkedFormData, FORM_MESSAGE } from "@/lib/validation/parsers";

/** Thin server actions: a checked FormData, then lib/guides/staff-actions.ts. */
const slugOf = (slug: unknown) => (typeof slug === "string" && slug ? slug.slice(0, 60) : undefined);

export async function saveGuideAction(slug: string | null, code: string, prev: GuideEditState, form: FormData): Promise<GuideEditState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: FORM_MESSAGE }, values: prev.values, n: prev.n + 1 };
  return submitGuide(slugOf(slug), String(code).slice(0, 40), prev, checked);
}

export async function validateGuideAction(slug: string | null, code: string, form: FormData) {
  const checked = checkedFormData(form);
  if (!checked) return;
  await submitValidation(slugOf(slug), String(code).slice(0, 40), checked);
}
