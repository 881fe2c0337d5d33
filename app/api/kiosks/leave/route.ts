import { requirePermissionApi } from "@/lib/auth/session";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { setKioskCookie } from "@/lib/respondent/session-cookies";

/** Takes this browser out of kiosk mode (staff only: a respondent cannot escape the kiosk). */
export const POST = staffFormHandler<Record<string, never>>(async (request) => {
  await requirePermissionApi("kiosk:manage");
  return seeOther(request, "/staff", { cookies: (res) => setKioskCookie(res, null) });
});
