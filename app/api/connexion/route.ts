import { getDb } from "@/db/client";
import { authenticate } from "@/lib/auth/authenticate";
import { sessionCookieFor } from "@/lib/auth/form-sign-in";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { addressKey } from "@/lib/security/client-address";
import { safeRedirectPath } from "@/lib/security/safe-redirect";

/**
 * Staff sign-in posted by the form without JavaScript (with JavaScript, the form goes through
 * next-auth's client instead): the same checks, lockout and throttling (lib/auth/authenticate.ts),
 * the same session cookie; errors back on /connexion in French. Post/redirect/get.
 */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const target = safeRedirectPath(form.get("callbackUrl") ?? undefined, { origin: process.env.NEXTAUTH_URL, fallback: "/staff" });
  const result = await authenticate(await getDb(), { email: form.get("email") ?? "", password: form.get("password") ?? "" }, new Date(), { addressKey: addressKey(request.headers) });
  if (!result.ok) return seeOther(request, `/connexion?${new URLSearchParams({ erreur: result.reason, callbackUrl: target })}`);
  const cookie = await sessionCookieFor(result.user);
  return seeOther(request, target, { cookies: (res) => res.cookies.set(cookie.name, cookie.value, cookie.options) });
});
