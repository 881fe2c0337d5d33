import { SignInForm } from "@/components/staff/sign-in-form";
import { oidcProvider } from "@/lib/auth/options";
import { getT } from "@/lib/i18n/server";
import { safeRedirectPath } from "@/lib/security/safe-redirect";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("staff.signInTitle");
}

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; erreur?: string; invitation?: string }> }) {
  const { t } = await getT();
  const { callbackUrl, error, erreur, invitation } = await searchParams;
  const sso = oidcProvider();
  // Only the portal's own paths: an open redirect after sign-in would be a phishing aid.
  const target = safeRedirectPath(callbackUrl, { origin: process.env.NEXTAUTH_URL, fallback: "/staff" });
  return (
    <>
      <h1>{t("staff.signInTitle")}</h1>
      {error && <p className="error" role="alert" id="sso-error">{error === "oidc_unknown" ? t("staff.ssoUnknown") : t("staff.ssoFailed")}</p>}
      {invitation === "ok" && <p className="notice" role="status">{t("invitation.done")}</p>}
      <SignInForm
        callbackUrl={target}
        initialError={erreur === "locked" ? t("staff.locked") : erreur === "invalid" ? t("staff.invalid") : null}
        strings={{ email: t("staff.email"), password: t("staff.password"), submit: t("staff.signIn"), invalid: t("staff.invalid"), locked: t("staff.locked"), sso: sso ? t("staff.ssoSignIn", { name: sso.name }) : undefined }}
      />
    </>
  );
}
