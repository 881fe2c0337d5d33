import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsentForm } from "@/components/outreach/consent-form";
import { formatIsoDate } from "@/lib/booking/format";
import { parisDay } from "@/lib/booking/slots";
import { CONTACT_CHANNELS, CONTACT_DAYS, CONTACT_LANGUAGES, CONTACT_TIMES } from "@/lib/callbacks/opt-in-schema";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { outreachPage } from "@/lib/outreach/page-context";
import { CONSENT_CAPTURE } from "@/lib/outreach/reference";
import { consentAllowed } from "@/lib/outreach/state-machine";
import { getAction } from "@/lib/outreach/store";
import { listNeighbourhoodChoices } from "@/lib/territories/queries";
import { isUuid } from "@/lib/validation/parsers";
import { consentAction } from "../../actions";

export function generateMetadata() {
  return pageTitle("outreach.consentTitle", "outreach.title");
}
export const dynamic = "force-dynamic";

/**
 * The stand consent form, on a shared tablet or to type in a signed paper form. It shows the
 * consent text and nothing of earlier people: the page lists no consent, and a saved one comes
 * back as an empty form.
 */
export default async function ConsentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  if (!isUuid(id)) notFound();
  const { db, territory, q, slug, actor } = await outreachPage(sp.t);
  const found = await getAction(db, territory.id, actor, id.toLowerCase());
  if (!found) notFound();
  const { t, locale } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const a = found.action;
  const raw = t.raw as (k: string) => unknown;
  const s = { ...(raw("outreach") as Record<string, string>), consentPurpose: t("outreach.consentPurpose", { territory: territory.name }) };
  const cb = { ...(raw("callback") as Record<string, string>), yes: t("flow.yes"), no: t("flow.no") };
  const messages = { ...(raw("callback.errors") as Record<string, string>), ...(raw("outreach.errors") as Record<string, string>) };
  const areas = await listNeighbourhoodChoices(db, territory.id);
  const choices = {
    channels: CONTACT_CHANNELS.map((v) => ({ value: v, label: tk(`callback.channel_${v}`) })),
    languages: CONTACT_LANGUAGES.map((v) => ({ value: v, label: tk(`callback.language_${v}`) })),
    days: CONTACT_DAYS.map((v) => ({ value: v, label: tk(`callback.days_${v}`) })),
    times: CONTACT_TIMES.map((v) => ({ value: v, label: tk(`callback.times_${v}`) })),
    neighbourhoods: areas.map((x) => ({ value: x.id, label: x.group ? `${x.group} — ${x.name}` : x.name })),
    capture: CONSENT_CAPTURE.map((v) => ({ value: v, label: tk(`outreach.capture_${v}`) })),
  };
  const open = consentAllowed(a, actor, parisDay(new Date())).ok;
  return (
    <>
      <p><Link href={`/staff/aller-vers/${a.id}${q()}`}>← {t("outreach.detailTitle", { type: tk(`outreach.type_${a.actionType}`), date: formatIsoDate(a.heldOn, locale) })}</Link></p>
      <h1>{t("outreach.consentTitle")}</h1>
      {open ? (
        <>
          <p>{t("outreach.consentIntro")}</p>
          <ConsentForm action={consentAction.bind(null, slug, a.id)} s={s} cb={cb} messages={messages} choices={choices} initialKey={`consent:${randomUUID()}`} />
        </>
      ) : <p>{t("outreach.consentNotOpen")}</p>}
    </>
  );
}
