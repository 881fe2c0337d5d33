import { randomUUID } from "node:crypto";
import Link from "next/link";
import { ProposalForm } from "@/components/outreach/proposal-form";
import { parisDay } from "@/lib/booking/slots";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { outreachPage } from "@/lib/outreach/page-context";
import { OUTREACH_ACTION_TYPES, OUTREACH_AUDIENCES, OUTREACH_PLACE_TYPES } from "@/lib/outreach/reference";
import { listNeighbourhoodChoices, listSites } from "@/lib/territories/queries";
import { proposeAction } from "../actions";

export function generateMetadata() {
  return pageTitle("outreach.propose", "outreach.title");
}
export const dynamic = "force-dynamic";

/** Proposing an action: a partner, an interviewer, a CCAS agent or the lead. */
export default async function NewOutreachPage({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const sp = await searchParams;
  const { db, territory, q, slug } = await outreachPage(sp.t);
  const { t } = await getT();
  const tk = t as unknown as (k: string) => string;
  const [sites, areas] = await Promise.all([listSites(db, territory.id), listNeighbourhoodChoices(db, territory.id)]);
  const s = (t.raw as (k: string) => unknown)("outreach") as Record<string, string>;
  const options = {
    actionTypes: OUTREACH_ACTION_TYPES.map((v) => ({ value: v, label: tk(`outreach.type_${v}`) })),
    placeTypes: OUTREACH_PLACE_TYPES.map((v) => ({ value: v, label: tk(`outreach.place_${v}`) })),
    audiences: OUTREACH_AUDIENCES.map((v) => ({ value: v, label: tk(`outreach.audience_${v}`) })),
    sites: sites.map((x) => ({ value: x.id, label: x.name })),
    neighbourhoods: areas.map((a) => ({ value: a.id, label: a.group ? `${a.group} — ${a.name}` : a.name })),
  };
  return (
    <>
      <p><Link href={`/staff/aller-vers${q()}`}>← {t("outreach.back")}</Link></p>
      <h1>{t("outreach.propose")}</h1>
      <p>{t("outreach.proposeIntro")}</p>
      <ProposalForm action={proposeAction.bind(null, slug)} s={s} options={options} actionId={randomUUID()} today={parisDay(new Date())} />
    </>
  );
}
