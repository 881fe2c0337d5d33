"use server";

import type { BookState } from "@/lib/booking/public-actions";
import { submitStaffBooking } from "@/lib/booking/staff-actions";
import { checkedFormData, parseUuid } from "@/lib/validation/parsers";

export async function staffBookAction(territorySlug: string | undefined, requestId: string | null, _prev: BookState, form: FormData): Promise<BookState> {
  const checked = checkedFormData(form);
  if (!checked || (requestId !== null && !parseUuid(requestId))) return { errors: { form: "form" }, values: {}, next: [] };
  return submitStaffBooking(typeof territorySlug === "string" ? territorySlug.slice(0, 60) : undefined, parseUuid(requestId), checked);
}
