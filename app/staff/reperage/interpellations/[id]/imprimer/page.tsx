import type { Metadata } from "next";
import Link from "next/link";
import { DossierFiguresView } from "@/components/detection/dossiers/dossier-figures";
import { formatDay } from "@/components/detection/dossiers/format";
import { getT } from "@/lib/i18n/server";
import { loadDossier } from "../load";

/** The printed file's title names the dossier and its institution (what a PDF reader lists). */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { dossier, institution } = await loadDossier((await params).id, (await searchParams).t);
  const { t } = await getT();
  return { title: `${dossier.title} — ${institution} — ${t("detectionDossiers.printTitle")}` };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> };

export const dynamic = "force-dynamic";

/**
 * The dossier as the institution receives it (A4, print CSS): general part, figures, fiches
 * mémoire. No household code, no identity, no worker's name: only aggregates and anonymised texts.
 */
export default async function PrintDossierPage({ params, searchParams }: Props) {
  const { dossier, lists, cases, figures, institution, territory, href } = await loadDossier((await params).id, (await searchParams).t);
  const { t } = await getT();
  return (
    <article className="dossier-print">
      <p className="no-print"><Link href={href(`/${dossier.id}`)}>{t("detectionDossiers.backToDossier")}</Link> · {t("detectionDossiers.printHint")}</p>
      <p className="muted">{t("detectionDossiers.printFrom", { territory: territory.name })}</p>
      <h1>{dossier.title}</h1>
      <p><strong data-testid="print-institution">{t("detectionDossiers.printTo", { institution })}</strong></p>
      <p>{t("detectionDossiers.period", { from: formatDay(dossier.periodFrom), to: formatDay(dossier.periodTo) })}</p>
      {dossier.introduction && (
        <section aria-labelledby="p-general">
          <h2 id="p-general">{t("detectionDossiers.generalTitle")}</h2>
          {dossier.introduction.split(/\n{2,}/).map((p, i) => <p key={i}>{p}</p>)}
        </section>
      )}
      <section aria-labelledby="p-figures">
        <h2 id="p-figures">{t("detectionDossiers.figuresTitle")}</h2>
        <DossierFiguresView f={figures} lists={lists} />
      </section>
      {cases.length > 0 && (
        <section aria-labelledby="p-cases">
          <h2 id="p-cases">{t("detectionDossiers.printCasesTitle")}</h2>
          {cases.map((c, i) => (
            <section key={c.situationId} className="card" aria-labelledby={`p-case-${i}`} data-testid="print-case">
              <h3 id={`p-case-${i}`}>{t("detectionDossiers.caseNumber", { n: i + 1 })}</h3>
              {c.memoryText.split(/\n+/).map((p, j) => <p key={j}>{p}</p>)}
            </section>
          ))}
        </section>
      )}
    </article>
  );
}
