import type { DossierFigures } from "@/lib/detection/interpellations/assemble";
import { labelOf, type DetectionLists } from "@/lib/detection/options";
import { BENEFIT_GROUPS, FORMES, RESOLUTIONS } from "@/lib/detection/reference";
import { getT } from "@/lib/i18n/server";
import { formatEuro, formatInt, percent } from "./format";

const label = (entries: { code: string; label: string }[], code: string) => entries.find((e) => e.code === code)?.label ?? code;

/**
 * The counted part of a dossier (screen and print): formes and reasons, benefits and domains,
 * intensity, the CCAS's cost, and what became of the situations. Each table states its
 * denominator; non-answers are rows of their own. Aggregates only: no situation is shown here.
 */
export async function DossierFiguresView({ f, lists }: { f: DossierFigures; lists: DetectionLists }) {
  const { t } = await getT();
  const d = (k: string, v?: Record<string, string | number>) => (t as unknown as (k: string, v?: Record<string, string | number>) => string)(`detectionDossiers.figures.${k}`, v);
  const row = (key: string, name: string, n: number, of: number, sub = false) => (
    <tr key={key} className={sub ? "sub-row" : undefined}>
      <th scope="row">{sub ? <span className="indent">{name}</span> : name}</th>
      <td className="num">{formatInt(n)}</td>
      <td className="num">{percent(n, of)}</td>
    </tr>
  );
  const head = (
    <thead><tr><th scope="col">{d("colItem")}</th><th scope="col" className="num">{d("colSituations")}</th><th scope="col" className="num">{d("colShare")}</th></tr></thead>
  );
  /** One counted table: its caption states the denominator; "Share" is over the dossier's situations. */
  const table = (caption: string, rows: React.ReactNode, testId?: string) => (
    <table className="queue-table" data-testid={testId}><caption>{caption}</caption>{head}<tbody>{rows}</tbody></table>
  );
  const section = (id: string, title: string, children: React.ReactNode) => (
    <section aria-labelledby={id} className="card"><h3 id={id}>{title}</h3>{children}</section>
  );
  if (f.total === 0) return <p data-testid="dossier-empty">{d("none")}</p>;
  return (
    <div className="dossier-figures">
      <p data-testid="dossier-total">{d("total", { n: f.total })}</p>
      {section("fig-formes", d("formesTitle"), table(d("formesCaption", { n: f.total }), <>
        {f.formes.flatMap((fm) => [
          row(fm.forme, label(FORMES, fm.forme), fm.count, f.total),
          ...fm.reasons.map((r) => row(`${fm.forme}:${r.code}`, labelOf(lists, "reason", r.code), r.count, f.total, true)),
          ...(fm.noReason ? [row(`${fm.forme}:none`, d("noReason"), fm.noReason, f.total, true)] : []),
        ])}
        {f.withoutForme > 0 && row("none", d("noForme"), f.withoutForme, f.total)}
      </>))}
      {section("fig-benefits", d("benefitsTitle"), <>
        {table(d("kindCaption", { n: f.total }), <>
          {row("fin", d("financial"), f.financial.financial, f.total)}
          {f.groups.map((g) => row(`g:${g.code}`, label(BENEFIT_GROUPS, g.code), g.count, f.total, true))}
          {f.groupUnknown > 0 && row("g:none", d("groupUnknown"), f.groupUnknown, f.total, true)}
          {row("nonfin", d("nonFinancial"), f.financial.nonFinancial, f.total)}
          {f.domains.map((g) => row(`d:${g.code}`, labelOf(lists, "domain", g.code), g.count, f.total, true))}
          {f.domainUnknown > 0 && row("d:none", d("domainUnknown"), f.domainUnknown, f.total, true)}
          {f.financial.unknown > 0 && row("kind:none", d("kindUnknown"), f.financial.unknown, f.total)}
        </>)}
        {table(d("intensityCaption", { n: f.total }), <>
          {row("complete", d("complete"), f.intensity.complete, f.total)}
          {row("partial", d("partial"), f.intensity.partial, f.total)}
          {f.intensity.unknown > 0 && row("i:none", d("intensityUnknown"), f.intensity.unknown, f.total)}
        </>)}
      </>)}
      {section("fig-cost", d("costTitle"), (
        <dl className="review" data-testid="dossier-cost">
          <dt>{d("time")}</dt>
          <dd>{d("timeValue", { minutes: f.cost.minutes, hours: Math.round(f.cost.minutes / 6) / 10, n: f.cost.minutesAnswered, total: f.total })}</dd>
          <dt>{d("aidRequested")}</dt>
          <dd>{d("count", { n: f.cost.aidRequested, total: f.total })}</dd>
          <dt>{d("aidGranted")}</dt>
          <dd>{d("amountOver", { amount: formatEuro(f.cost.aidGranted), n: f.cost.aidGrantedCount, total: f.total })}</dd>
          <dt>{d("missedMonthly")}</dt>
          <dd>{d("amountOver", { amount: formatEuro(f.cost.missedMonthly), n: f.cost.missedMonthlyAnswered, total: f.total })}</dd>
          <dt>{d("missedTotal")}</dt>
          <dd>{d("amountOver", { amount: formatEuro(f.cost.missedTotal), n: f.cost.missedTotalAnswered, total: f.total })}</dd>
        </dl>
      ))}
      {section("fig-outcome", d("outcomeTitle"), <>
        {table(d("outcomeCaption", { n: f.total }), <>
          {row("resolved", d("resolved"), f.outcome.resolved, f.total)}
          {f.outcome.resolutions.map((r) => row(`r:${r.code}`, label(RESOLUTIONS, r.code), r.count, f.total, true))}
          {row("inProgress", d("inProgress"), f.outcome.inProgress, f.total)}
          {row("open", d("open"), f.outcome.open, f.total)}
        </>, "dossier-outcome")}
        <p>{d("rightsOpened", { n: f.outcome.rightsOpened, amount: formatEuro(f.outcome.openedMonthly) })}</p>
      </>)}
    </div>
  );
}
