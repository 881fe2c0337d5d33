import type { NextResponse } from "next/server";

/**
 * Cookies of the respondent flow. All httpOnly, scoped to the territory's path, with no
 * Max-Age: they die with the browser session, and a kiosk wipe deletes them.
 */
export const DRAFT_COOKIE = "bm_draft";
export const RECEIPT_COOKIE = "bm_receipt";
export const RESUME_COOKIE = "bm_resume";
export const KIOSK_COOKIE = "bm_kiosk";
/** The response whose rights-review request the person is looking at (after typing its receipt code). */
export const LOOKUP_COOKIE = "bm_lookup";

const secure = () => process.env.NODE_ENV === "production" && process.env.BAROMETRE_INSECURE_COOKIES !== "1"
  && (process.env.NEXTAUTH_URL ?? "").startsWith("https:");

export function territoryPath(slug: string) {
  return `/t/${slug}`;
}

export function setFlowCookie(res: NextResponse, slug: string, name: string, value: string, maxAgeSeconds?: number) {
  res.cookies.set(name, value, {
    httpOnly: true, sameSite: "lax", secure: secure(), path: territoryPath(slug),
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  });
}

export function clearFlowCookies(res: NextResponse, slug: string) {
  for (const name of [DRAFT_COOKIE, RECEIPT_COOKIE, RESUME_COOKIE, LOOKUP_COOKIE]) {
    res.cookies.set(name, "", { httpOnly: true, sameSite: "lax", secure: secure(), path: territoryPath(slug), maxAge: 0 });
  }
}

export function setKioskCookie(res: NextResponse, token: string | null) {
  res.cookies.set(KIOSK_COOKIE, token ?? "", {
    httpOnly: true, sameSite: "lax", secure: secure(), path: "/",
    maxAge: token ? 400 * 24 * 3600 : 0,
  });
}
