import { getDb } from "@/db/client";
import { newPasswordSchema } from "@/lib/auth/password-policy";
import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { acceptInvitation } from "@/lib/people/invitations";

/**
 * The invited person sets their password through the one-time link, then signs in on
 * /connexion. A bad password sends back to the form with the reason; a used or expired link
 * shows the link page's message. Nothing is logged about the token or the account.
 */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const token = form.get("jeton") ?? "";
  const page = (erreur?: string) => `/connexion/invitation?${new URLSearchParams({ jeton: token, ...(erreur ? { erreur } : {}) })}`;
  const parsed = newPasswordSchema.safeParse({ password: form.get("password") ?? "", confirm: form.get("confirm") ?? "" });
  if (!parsed.success) return seeOther(request, page(parsed.error.issues[0]?.message ?? "too_short"));
  const result = await acceptInvitation(await getDb(), token, parsed.data.password);
  return seeOther(request, result.ok ? "/connexion?invitation=ok" : page());
});
