"use server";

import { submitBooking, submitCancel, submitMove, type BookState, type ChangeState } from "@/lib/booking/public-actions";

/** Server actions of the public booking pages (plain form posts without JavaScript). */
export async function bookAction(slug: string, _prev: BookState, form: FormData): Promise<BookState> {
  return submitBooking(String(slug).slice(0, 60), form);
}

export async function cancelAction(slug: string, token: string, _prev: ChangeState, _form: FormData): Promise<ChangeState> {
  return submitCancel(String(slug).slice(0, 60), String(token));
}

export async function moveAction(slug: string, token: string, _prev: ChangeState, form: FormData): Promise<ChangeState> {
  return submitMove(String(slug).slice(0, 60), String(token), form);
}
