import { NextResponse } from "next/server";
import { z } from "zod";
import { BadRequest, plainError, readForm } from "@/lib/http/form";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";
import { safeRedirectPath } from "@/lib/security/safe-redirect";

const schema = z.object({ locale: z.enum(LOCALES) });

/** Sets the language cookie and goes back to the page the person was on (same site only). */
export async function POST(request: Request) {
  let form: URLSearchParams;
  try {
    form = await readForm(request);
  } catch (e) {
    if (e instanceof BadRequest) return plainError(400, e.message);
    throw e;
  }
  const parsed = schema.safeParse({ locale: form.get("locale") });
  if (!parsed.success) return plainError(400, "Langue inconnue.");
  // Back to the page of this portal the person was on; anything else (another site, a path a
  // browser would read as another host, a malformed header) goes home.
  const back = safeRedirectPath(request.headers.get("referer"), { origin: new URL(request.url).origin, fallback: "/" });
  const res = NextResponse.redirect(new URL(back, request.url), 303);
  res.cookies.set(LOCALE_COOKIE, parsed.data.locale, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
  return res;
}
