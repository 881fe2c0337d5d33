import { formatIsoDate } from "@/lib/booking/format";
import type { DashboardView } from "@/lib/dashboard/view";
import type { Locale } from "@/lib/i18n/locale";

type Tr = (key: string, values?: Record<string, string | number>) => string;

/**
 * What the figures are: the committee's are perturbed (and counted over whole months), the
 * territory team's exact and not to be passed on. Shown above the map (updated with the view)
 * and in the report.
 */
export function FiguresNotice({ view, t, locale }: { view: Pick<DashboardView, "audience" | "period">; t: Tr; locale: Locale }) {
  const { from, to } = view.period;
  const day = (d: string) => formatIsoDate(d, locale);
  return (
    <div className="figures-notice" data-testid="figures-notice" data-audience={view.audience}>
      <p>{view.audience === "committee" ? t("dashboard.perturbedNote") : <strong>{t("dashboard.exactNote")}</strong>}</p>
      {view.audience === "committee" && (from || to) && (
        <p>{from && to ? t("dashboard.periodWhole", { from: day(from), to: day(to) }) : from ? t("dashboard.periodFrom", { from: day(from) }) : t("dashboard.periodTo", { to: day(to!) })}</p>
      )}
    </div>
  );
}
