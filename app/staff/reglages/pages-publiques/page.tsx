import { SettingsHeader } from "@/components/booking/settings/page-header";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import type { Field } from "@/components/booking/settings/types";
import { settingsContext } from "@/lib/booking/settings/context";
import { getT } from "@/lib/i18n/server";
import { publicInfo } from "@/lib/territories/public-pages";
import { savePublicPagesAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const { t } = await getT();
  return { title: t("publicPages.settings.title") };
}

/** The territory lead edits the footer: help phone, RGAA status, accessibility statement, legal notice, personal data. */
export default async function PublicPagesSettings({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string }> }) {
  const q = await searchParams;
  const { territory, user } = await settingsContext(q.t);
  const { t } = await getT();
  const info = publicInfo(territory.settings);
  const s = (k: string) => (t as unknown as (key: string) => string)(`publicPages.settings.${k}`);
  const fields: Field[] = [
    { kind: "tel", name: "helpPhone", label: s("helpPhone"), hint: s("helpPhoneHint"), optional: true, defaultValue: info.helpPhone ?? "", maxLength: 30, autoComplete: "off" },
    { kind: "text", name: "helpHours", label: s("helpHours"), hint: s("helpHoursHint"), optional: true, defaultValue: info.helpHours ?? "", maxLength: 200 },
    {
      kind: "radios", name: "compliance", label: s("compliance"), hint: s("complianceHint"), defaultValue: [info.compliance],
      options: (["full", "partial", "none"] as const).map((c) => ({ value: c, label: t(`publicPages.compliance.${c}`) })),
    },
    { kind: "textarea", name: "accessibility", label: s("accessibility"), hint: s("textHint"), optional: true, defaultValue: info.accessibility ?? "", maxLength: 10_000 },
    { kind: "textarea", name: "legalNotice", label: s("legalNotice"), hint: s("textHint"), optional: true, defaultValue: info.legalNotice ?? "", maxLength: 10_000 },
    { kind: "textarea", name: "personalData", label: s("personalData"), hint: s("textHint"), optional: true, defaultValue: info.personalData ?? "", maxLength: 10_000 },
  ];
  const errors = (t.raw as (k: string) => unknown)("bookingSettings.errors") as Record<string, string>;
  return (
    <>
      <SettingsHeader title={s("title")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: `/staff/reglages${user.role === "admin" ? `?t=${territory.slug}` : ""}`, label: t("settingsHub.back") }}
        status={q.fait ? t("bookingSettings.done.modifie") : undefined} />
      <p>{s("intro")}</p>
      <SettingsForm id="pages-publiques" action={savePublicPagesAction.bind(null, user.role === "admin" ? territory.slug : null)} fields={fields}
        strings={{ submit: s("submit"), errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors: { ...errors, compliance: s("complianceError") } }} />
    </>
  );
}
