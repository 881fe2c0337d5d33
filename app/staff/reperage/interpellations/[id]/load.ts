import { notFound } from "next/navigation";
import { cache } from "react";
import { checkedId } from "@/lib/booking/settings/context";
import { assembleDossier, type DossierSituation } from "@/lib/detection/interpellations/assemble";
import { dossierContext } from "@/lib/detection/interpellations/context";
import { dossierSituations, getDossier, listCases } from "@/lib/detection/interpellations/dossiers";
import { labelOf, loadLists, type DetectionLists } from "@/lib/detection/options";
import { benefitGroupOf, FORMES } from "@/lib/detection/reference";

/**
 * What the dossier page and its printable version read: another territory's dossier is not found.
 * Once per request (the printable page's title and body both read it).
 */
export const loadDossier = cache(async (rawId: string, slug: string | undefined) => {
  const id = checkedId(rawId);
  const ctx = await dossierContext(slug);
  const dossier = await getDossier(ctx.db, ctx.territory.id, id);
  if (!dossier) notFound();
  const [lists, situations, cases] = await Promise.all([
    loadLists(ctx.db, ctx.territory.id), dossierSituations(ctx.db, dossier), listCases(ctx.db, ctx.territory.id, id),
  ]);
  const figures = assembleDossier(situations, (code) => benefitGroupOf(code, lists.benefit));
  return { ...ctx, dossier, lists, situations, cases, figures, institution: labelOf(lists, "actor", dossier.institution) };
});

/** "01/03/2015 — RSA — Non connaissance, Abandon": what a case is about, never who. */
export function caseHeading(s: DossierSituation, lists: DetectionLists): string {
  const what = s.benefitCode ? labelOf(lists, "benefit", s.benefitCode) : s.domain ? labelOf(lists, "domain", s.domain) : null;
  const formes = s.formes.map((f) => FORMES.find((x) => x.code === f.forme)?.label ?? f.forme).join(", ");
  return [s.detectedOn.split("-").reverse().join("/"), what, formes].filter(Boolean).join(" — ");
}
