import { NextResponse } from "next/server";
import type { Db } from "@/db/client";
import { getT } from "@/lib/i18n/server";
import { addressKey } from "@/lib/security/client-address";
import { hitLimit, type LimitRule } from "@/lib/security/rate-limit";
import { NO_STORE } from "./form";

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * 429 for the respondent's forms (they work without JavaScript): a small readable page in the
 * person's language saying when to try again, with a link back, and `Retry-After`.
 */
export async function tooManyRequests(retryAfterSeconds: number, back: string): Promise<NextResponse> {
  const { locale, t } = await getT();
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t("limits.title"))}</title></head>
<body><main><h1>${escape(t("limits.title"))}</h1><p role="alert">${escape(t("limits.message", { minutes }))}</p>
<p><a href="${escape(back)}">${escape(t("limits.back"))}</a></p></main></body></html>`;
  return new NextResponse(html, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": NO_STORE, "Retry-After": String(Math.max(1, retryAfterSeconds)) },
  });
}

/**
 * Counts this request against a per-address rule: null when allowed, else the 429 page.
 * (`db` is the portal's database: the counters are shared by every app process.)
 */
export async function limitByAddress(db: Db, request: Request, rule: LimitRule, back: string): Promise<NextResponse | null> {
  const d = await hitLimit(db, rule, addressKey(request.headers));
  return d.allowed ? null : tooManyRequests(d.retryAfterSeconds, back);
}
