"use server";

import type { BookState } from "@/lib/booking/public-actions";
import { submitStaffBooking } from "@/lib/booking/staff-actions";

export async function staffBookAction(territorySlug: string | undefined, requestId: string | null, _prev: BookState, form: FormData): Promise<BookState> {
  return submitStaffBooking(territorySlug, requestId, form);
}
