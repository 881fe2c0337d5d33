"use server";

import { submitOptIn, type OptInState } from "@/lib/callbacks/opt-in-action";

/** Server action of the opt-in form (works as a plain form post without JavaScript). */
export async function optInAction(slug: string, _prev: OptInState, form: FormData): Promise<OptInState> {
  return submitOptIn(String(slug).slice(0, 60), form);
}
