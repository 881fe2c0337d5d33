"use server";

import { submitOptIn, type OptInState } from "@/lib/callbacks/opt-in-action";
import { checkedFormData } from "@/lib/validation/parsers";

/** Server action of the opt-in form (works as a plain form post without JavaScript). */
export async function optInAction(slug: string, _prev: OptInState, form: FormData): Promise<OptInState> {
  // A forged call may pass anything: a form that is not one, or holds control characters, is refused.
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: "form" }, values: {} };
  return submitOptIn(String(slug).slice(0, 60), checked);
}
