import { eq } from "drizzle-orm";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SituationTable } from "@/components/detection/situation-table";
import { neighbourhoods } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import { formatIsoDay } from "@/lib/booking/format";
import { objectLabel } from "@/lib/detection/form-options";
import { findHouseholdByCode } from "@/lib/detection/households";
import { viewIdentity } from "@/lib/detection/identity";
import { loadLists } from "@/lib/detection/options";
import { detectionPage } from "@/lib/detection/page-context";
import { listHouseholdSituationsDetailed } from "@/lib/detection/situations";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { identityAction } from "../../actions";

export function generateMetadata() {
  return pageTitle("detection.household", "detection.title");
}
export const dynamic = "force-dynamic";

const MESSAGES = ["identitySaved", "id_name", "id_caf", "id_cpam"] as const;

/**
 * A household: its situations (whoever detected them) and, for CCAS staff with
 * detection:identity, its private identity — shown only on request, each view audited.
 */
export default async function HouseholdPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ t?: string; identite?: string; msg?: string }> }) {
  const sp = await searchParams;
  const { user, db, territory, q, slug } = await detectionPage(sp.t);
  const raw = (await params).code;
  let code: string;
  try { code = decodeURIComponent(raw); } catch { notFound(); }
  const household = await findHouseholdByCode(db, territory.id, code.slice(0, 40));
  if (!household) notFound();
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const [lists, situations] = await Promise.all([loadLists(db, territory.id), listHouseholdSituationsDetailed(db, territory.id, household.id)]);
  const [area] = household.neighbourhoodId ? await db.select({ name: neighbourhoods.name }).from(neighbourhoods).where(eq(neighbourhoods.id, household.neighbourhoodId)) : [];
  const identityAllowed = can(user, "detection:identity");
  const identity = identityAllowed && sp.identite === "1" ? await viewIdentity(db, territory.id, household.id, user.id) : undefined;
  const msg = MESSAGES.find((m) => m === sp.msg);
  const self = `/staff/reperage/menages/${encodeURIComponent(household.code)}`;
  return (
    <>
      <p><Link href={`/staff/reperage${q()}`}>← {t("detection.back")}</Link></p>
      <h1 data-testid="household-title">{t("detection.householdTitle", { code: household.code })}</h1>
      {household.peopleCount !== null && <p>{t("detection.householdPeople", { count: household.peopleCount })}</p>}
      {area && <p>{t("detection.householdNeighbourhood", { name: area.name })}</p>}
      <p><Link className="button" href={`/staff/reperage/nouvelle${q({ menage: household.code })}`}>{t("detection.newForHousehold")}</Link></p>

      <section aria-labelledby="situations-title">
        <h2 id="situations-title">{t("detection.householdSituations")}</h2>
        <SituationTable testId="household-situations" caption={t("detection.householdSituations")} hrefOf={(id) => `/staff/reperage/situations/${id}${q()}`}
          cols={{ date: t("detection.colDate"), household: t("detection.colHousehold"), object: t("detection.colObject"), service: t("detection.colService"), worker: t("detection.colWorker"), status: t("detection.colStatus") }}
          rows={situations.map((s) => ({
            id: s.id, date: formatIsoDay(s.detectedOn, locale), household: s.householdCode, object: objectLabel(lists, s), service: s.service,
            worker: s.worker ?? "—", status: tk(`detection.status_${s.status}`),
          }))} />
      </section>

      {identityAllowed && (
        <section className="card" aria-labelledby="identite-title" id="identite" tabIndex={-1}>
          <h2 id="identite-title">{t("detection.identityTitle")}</h2>
          <p>{t("detection.identityIntro")}</p>
          {msg && <p className={msg === "identitySaved" ? "notice" : "error"} role={msg === "identitySaved" ? "status" : "alert"}>{tk(`detection.${msg}`)}</p>}
          {identity === undefined ? (
            <form method="get" action={`${self}#identite`}>
              {user.role === "admin" && <input type="hidden" name="t" value={territory.slug} />}
              <input type="hidden" name="identite" value="1" />
              <button className="button secondary" type="submit">{t("detection.identityShow")}</button>
            </form>
          ) : (
            <>
              {identity === null ? <p data-testid="identity">{t("detection.identityNone")}</p> : (
                <dl className="review" data-testid="identity">
                  <dt>{t("detection.identityName")}</dt><dd>{identity.name ?? "—"}</dd>
                  <dt>{t("detection.identityCaf")}</dt><dd>{identity.caf ?? "—"}</dd>
                  <dt>{t("detection.identityCpam")}</dt><dd>{identity.cpam ?? "—"}</dd>
                </dl>
              )}
              <form action={identityAction.bind(null, slug, household.code)}>
                <p className="hint">{t("detection.identityHint")}</p>
                <div className="question">
                  <label className="label" htmlFor="id-name">{t("detection.identityName")}</label>
                  <input id="id-name" name="name" type="text" maxLength={120} autoComplete="off" defaultValue={identity?.name ?? ""} />
                </div>
                <div className="question">
                  <label className="label" htmlFor="id-caf">{t("detection.identityCaf")}</label>
                  <input id="id-caf" name="caf" type="text" maxLength={20} autoComplete="off" defaultValue={identity?.caf ?? ""} />
                </div>
                <div className="question">
                  <label className="label" htmlFor="id-cpam">{t("detection.identityCpam")}</label>
                  <input id="id-cpam" name="cpam" type="text" maxLength={25} autoComplete="off" defaultValue={identity?.cpam ?? ""} />
                </div>
                <button className="button" type="submit">{t("detection.identitySave")}</button>
              </form>
            </>
          )}
        </section>
      )}
    </>
  );
}
