import { randomUUID } from "node:crypto";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SituationForm } from "@/components/detection/situation-form";
import { parisDay } from "@/lib/booking/slots";
import { requestExists } from "@/lib/callbacks/handle-request";
import { situationFormOptions } from "@/lib/detection/form-options";
import { findHouseholdByCode, listHouseholdSituations } from "@/lib/detection/households";
import { detectionPage } from "@/lib/detection/page-context";
import { householdOfReview, lastServiceOf } from "@/lib/detection/situations";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { parseUuid } from "@/lib/validation/parsers";
import { saveSituationAction } from "../actions";

export function generateMetadata() {
  return pageTitle("detection.newTitle", "detection.title");
}
export const dynamic = "force-dynamic";

/**
 * Recording a situation: ?menage=<code> adds it to a known household (an unknown code: not
 * found); ?demande=<review>&prestation=<code> turns a rights review's benefit into a situation
 * (the review's household when it already has one). Otherwise a new household.
 */
export default async function NewSituationPage({ searchParams }: { searchParams: Promise<{ t?: string; menage?: string; demande?: string; prestation?: string }> }) {
  const sp = await searchParams;
  const { user, db, territory, q, slug } = await detectionPage(sp.t);
  const { t } = await getT();
  const reviewId = sp.demande ? parseUuid(sp.demande) : null;
  if (sp.demande && (!reviewId || !(await requestExists(db, territory.id, reviewId)))) notFound();
  const code = sp.menage ? sp.menage : reviewId ? await householdOfReview(db, territory.id, reviewId) : null;
  const household = code ? await findHouseholdByCode(db, territory.id, code) : null;
  if (code && !household) notFound();
  const causes = household ? await listHouseholdSituations(db, territory.id, household.id) : [];
  const { options, lists, services } = await situationFormOptions(db, territory.id, causes);
  const benefit = sp.prestation && lists.benefit.some((b) => b.code === sp.prestation) ? sp.prestation : "";
  const lastService = await lastServiceOf(db, territory.id, user.id);
  const initial = {
    detectedOn: parisDay(new Date()), serviceId: lastService && services.some((s) => s.id === lastService) ? lastService : services[0]?.id ?? "",
    ...(benefit ? { financial: "yes", benefitCode: benefit } : {}),
  };
  const f = (t.raw as (k: string) => unknown)("detection.form") as Record<string, string>;
  return (
    <>
      <p><Link href={`/staff/reperage${q()}`}>← {t("detection.back")}</Link></p>
      <h1>{t("detection.newTitle")}</h1>
      <p>{t("detection.newIntro")}</p>
      {reviewId && <p className="notice">{t("detection.fromReview")}</p>}
      <SituationForm action={saveSituationAction.bind(null, slug, null)} strings={f} options={options} household={household?.code ?? null} initial={initial}
        hidden={{ idempotencyKey: `form:${randomUUID()}`, ...(reviewId ? { reviewRequestId: reviewId } : {}) }} />
    </>
  );
}
