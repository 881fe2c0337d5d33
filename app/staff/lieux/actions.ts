"use server";

import { submitArchive, submitHelpPoint, type HelpPointFormState } from "@/lib/places/form-actions";
import { checkedFormData, FORM_MESSAGE } from "@/lib/validation/parsers";

/** Thin server actions: a checked FormData, then lib/places/form-actions.ts. */
const slugOf = (slug: unknown) => (typeof slug === "string" && slug ? slug.slice(0, 60) : undefined);

export async function saveHelpPointAction(slug: string | null, id: string | null, prev: HelpPointFormState, form: FormData): Promise<HelpPointFormState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: FORM_MESSAGE }, values: prev.values, n: prev.n + 1 };
  return submitHelpPoint(slugOf(slug), typeof id === "string" ? id : null, prev, checked);
}

export async function archiveHelpPointAction(slug: string | null, id: string, archived: boolean, form: FormData) {
  if (!checkedFormData(form)) return;
  await submitArchive(slugOf(slug), String(id), archived === true);
}
