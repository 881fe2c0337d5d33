import { SignInForm } from "@/components/staff/sign-in-form";
import { getT } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { t } = await getT();
  const { callbackUrl } = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const target = callbackUrl && callbackUrl.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/staff";
  return (
    <>
      <h1>{t("staff.signInTitle")}</h1>
      <SignInForm
        callbackUrl={target}
        strings={{ email: t("staff.email"), password: t("staff.password"), submit: t("staff.signIn"), invalid: t("staff.invalid"), locked: t("staff.locked") }}
      />
    </>
  );
}
