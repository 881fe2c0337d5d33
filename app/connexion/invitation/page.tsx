import Link from "next/link";
import { getDb } from "@/db/client";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/auth/password-policy";
import { readInvitation } from "@/lib/people/invitations";

export function generateMetadata() {
  return pageTitle("invitation.title");
}

export const dynamic = "force-dynamic";

const ERRORS = ["too_short", "too_long", "mismatch"] as const;

/** The page of an invitation link: the invited person chooses their password (works without JavaScript). */
export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ jeton?: string; erreur?: string }> }) {
  const { t } = await getT();
  const sp = await searchParams;
  const token = typeof sp.jeton === "string" ? sp.jeton : "";
  const invitation = token ? await readInvitation(await getDb(), token) : null;
  if (!invitation) {
    return (
      <>
        <h1>{t("invitation.title")}</h1>
        <p className="error" role="alert">{t("invitation.invalid")}</p>
        <p><Link href="/connexion">{t("staff.signInTitle")}</Link></p>
      </>
    );
  }
  const error = ERRORS.find((e) => e === sp.erreur);
  return (
    <>
      <h1>{t("invitation.title")}</h1>
      <p>{t("invitation.hello", { name: invitation.name, email: invitation.email })}</p>
      {error && <p className="error" role="alert" id="invitation-error">{t(`invitation.errors.${error}`)}</p>}
      <form method="post" action="/api/invitation" noValidate>
        <input type="hidden" name="jeton" value={token} />
        <input type="text" name="username" value={invitation.email} autoComplete="username" readOnly hidden />
        <div className="question">
          <label className="label" htmlFor="password">{t("invitation.password")}</label>
          <p className="hint" id="password-hint">{t("invitation.passwordHint")}</p>
          <input id="password" name="password" type="password" autoComplete="new-password" required minLength={PASSWORD_MIN} maxLength={PASSWORD_MAX}
            aria-describedby={error ? "password-hint invitation-error" : "password-hint"} aria-invalid={error === "too_short" || error === "too_long" ? true : undefined} />
        </div>
        <div className="question">
          <label className="label" htmlFor="confirm">{t("invitation.confirm")}</label>
          <input id="confirm" name="confirm" type="password" autoComplete="new-password" required maxLength={PASSWORD_MAX} aria-invalid={error === "mismatch" ? true : undefined} />
        </div>
        <button className="button" type="submit">{t("invitation.submit")}</button>
      </form>
    </>
  );
}
