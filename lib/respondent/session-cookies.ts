import type { NextResponse } from "next/server";

/**
 * Cookies of the respondent flow. All httpOnly, SameSite=Strict (a page of another site can
 * neither use them nor make the browser send them), scoped to the territory's path, with no
 * Max-Age except on shared devices: they die with the browser session, and a kiosk wipe or the
 * end of an assisted questionnaire deletes them. Under HTTPS their names carry the browser-
 * enforced prefixes: `__Host-` for the kiosk cookie (Secure, Path=/, no Domain), `__Secure-` for
 * the flow cookies (`__Host-` requires Path=/, and these are scoped to one territory's path).
 */
const secure = () => process.env.NODE_ENV === "production" && process.env.BAROMETRE_INSECURE_COOKIES !== "1"
  && (process.env.NEXTAUTH_URL ?? "").startsWith("https:");

const flowName = (name: string) => (secure() ? `__Secure-${name}` : name);

export const DRAFT_COOKIE = flowName("bm_draft");
export const RECEIPT_COOKIE = flowName("bm_receipt");
export const RESUME_COOKIE = flowName("bm_resume");
export const KIOSK_COOKIE = secure() ? "__Host-bm_kiosk" : "bm_kiosk";
/** The response whose rights-review request the person is looking at (after typing its receipt code). */
export const LOOKUP_COOKIE = flowName("bm_lookup");
/**
 * On a shared device, once the person has opted in: "1", for the confirmation page, for two
 * minutes. It names no response: it opens neither the booking prefill nor the request.
 */
export const DONE_COOKIE = flowName("bm_done");
export const DONE_SECONDS = 120;
/** On a shared device (assisted, kiosk) the receipt cookie dies on its own after this. */
export const SHARED_DEVICE_RECEIPT_SECONDS = 15 * 60;

const FLOW_COOKIES = [DRAFT_COOKIE, RECEIPT_COOKIE, RESUME_COOKIE, LOOKUP_COOKIE, DONE_COOKIE];

export function territoryPath(slug: string) {
  return `/t/${slug}`;
}

export function flowCookieOptions(slug: string, maxAgeSeconds?: number) {
  return {
    httpOnly: true, sameSite: "strict" as const, secure: secure(), path: territoryPath(slug),
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function setFlowCookie(res: NextResponse, slug: string, name: string, value: string, maxAgeSeconds?: number) {
  res.cookies.set(name, value, flowCookieOptions(slug, maxAgeSeconds || undefined));
}

export function clearFlowCookies(res: NextResponse, slug: string) {
  for (const name of FLOW_COOKIES) res.cookies.set(name, "", flowCookieOptions(slug, 0));
}

/** The same, from a server action (next/headers' cookie store). */
export async function clearFlowCookiesInAction(slug: string, keep: string[] = []) {
  const { cookies } = await import("next/headers");
  const jar = await cookies();
  for (const name of FLOW_COOKIES) if (!keep.includes(name)) jar.set(name, "", flowCookieOptions(slug, 0));
}

/** Modes in which the device is not the respondent's own. */
export function isSharedDevice(mode: string | null | undefined): boolean {
  return mode === "assisted" || mode === "kiosk";
}

/** Max-Age of the receipt cookie: none on the person's own device, a short one on a shared one. */
export function receiptCookieSeconds(mode: string | null | undefined): number | undefined {
  return isSharedDevice(mode) ? SHARED_DEVICE_RECEIPT_SECONDS : undefined;
}

export function setKioskCookie(res: NextResponse, token: string | null) {
  res.cookies.set(KIOSK_COOKIE, token ?? "", {
    httpOnly: true, sameSite: "strict", secure: secure(), path: "/",
    maxAge: token ? 400 * 24 * 3600 : 0,
  });
}
