"use server";

import { submitBooking, submitCancel, submitMove, submitSummary, type BookState, type ChangeState } from "@/lib/booking/public-actions";
import { checkedFormData } from "@/lib/validation/parsers";

/**
 * Server actions of the public booking pages (plain form posts without JavaScript). A forged
 * call may pass anything: a form that is not one, or holds control characters, is refused.
 */
export async function bookAction(slug: string, _prev: BookState, form: FormData): Promise<BookState> {
  const checked = checkedFormData(form);
  if (!checked) return { errors: { form: "form" }, values: {}, next: [] };
  return submitBooking(String(slug).slice(0, 60), checked);
}

export async function cancelAction(slug: string, token: string, _prev: ChangeState, form: FormData): Promise<ChangeState> {
  // Cancelling cannot be undone: the form's confirmation box must be ticked.
  if (!(form instanceof FormData) || form.get("confirm") !== "1") return { error: "confirm", next: [] };
  return submitCancel(String(slug).slice(0, 60), String(token));
}

export async function moveAction(slug: string, token: string, _prev: ChangeState, form: FormData): Promise<ChangeState> {
  const checked = checkedFormData(form);
  if (!checked) return { error: "form", next: [] };
  return submitMove(String(slug).slice(0, 60), String(token), checked);
}

export async function summaryAction(slug: string, token: string, form: FormData): Promise<void> {
  const checked = checkedFormData(form);
  await submitSummary(String(slug).slice(0, 60), String(token).slice(0, 64), checked ?? new FormData());
}
