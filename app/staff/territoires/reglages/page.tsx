import { SettingsHeader } from "@/components/booking/settings/page-header";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import type { Field } from "@/components/booking/settings/types";
import { settingsContext } from "@/lib/booking/settings/context";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { saveTerritorySettingsAction } from "../actions";

export function generateMetadata() {
  return pageTitle("territoryAdmin.settingsTitle");
}

export const dynamic = "force-dynamic";

/** The territory's general settings in one validated form (admin: any territory; territory lead: theirs). */
export default async function TerritorySettingsPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string }> }) {
  const q = await searchParams;
  const { territory, user } = await settingsContext(q.t);
  const { t } = await getT();
  const s = territory.settings ?? {};
  const f = (k: string) => (t as unknown as (key: string) => string)(`territoryAdmin.fields.${k}`);
  const num = (name: string, value: number | undefined, extra: Partial<Field> = {}): Field =>
    ({ kind: "integer", name, label: f(name), defaultValue: value === undefined ? "" : String(value), maxLength: 9, ...extra }) as Field;
  const fields: Field[] = [
    { kind: "text", name: "name", label: f("name"), defaultValue: territory.name, maxLength: 120 },
    num("suppressionThreshold", s.suppressionThreshold ?? 5, { hint: f("suppressionThresholdHint") }),
    num("collectionTarget", s.collectionTarget, { optional: true }),
    num("callbackDeadlineWorkingDays", s.callbackDeadlineWorkingDays ?? 5),
    num("callbackMaxFailedAttempts", s.callbackMaxFailedAttempts ?? 3),
    num("bookingReminderHours", s.bookingReminderHours ?? 48),
    num("kioskIdleSeconds", s.kioskIdleSeconds ?? 120, { hint: f("kioskIdleSecondsHint") }),
    num("kioskReceiptSeconds", s.kioskReceiptSeconds ?? 60),
  ];
  const errors = (t.raw as (k: string) => unknown)("territoryAdmin.errors") as Record<string, string>;
  const status = q.fait === "cree" ? t("territoryAdmin.created") : q.fait ? t("territoryAdmin.saved") : undefined;
  return (
    <>
      <SettingsHeader title={t("territoryAdmin.settingsTitle")} territory={t("bookingSettings.territory", { territory: territory.name })}
        back={{ href: `/staff/reglages${user.role === "admin" ? `?t=${territory.slug}` : ""}`, label: t("settingsHub.back") }} status={status} />
      <p>{t("territoryAdmin.settingsIntro")}</p>
      <SettingsForm id="territoire" action={saveTerritorySettingsAction.bind(null, user.role === "admin" ? territory.slug : null)} fields={fields}
        strings={{ submit: t("territoryAdmin.submit"), errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors }} />
    </>
  );
}
