import type { T } from "@/lib/i18n/server";

/** Threshold and collection target, for the territory lead (a plain form: works without JavaScript). */
export function SettingsForm({ t, threshold, target, slug, saved }: { t: T; threshold: number; target: number | null; slug?: string; saved: boolean }) {
  return (
    <form method="post" action={`/api/tableau-de-bord/reglages${slug ? `?t=${slug}` : ""}`} className="card no-print" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("dashboard.threshold")}</h2>
      {saved && <p role="status">{t("dashboard.thresholdSaved")}</p>}
      <div className="question">
        <label className="label" htmlFor="suppressionThreshold">{t("dashboard.threshold")}</label>
        <p className="hint" id="threshold-help">{t("dashboard.thresholdHelp")}</p>
        <input id="suppressionThreshold" name="suppressionThreshold" type="number" min={3} max={100} required defaultValue={threshold} aria-describedby="threshold-help" />
      </div>
      <div className="question">
        <label className="label" htmlFor="collectionTarget">{t("dashboard.target")}</label>
        <input id="collectionTarget" name="collectionTarget" type="number" min={1} defaultValue={target ?? ""} />
      </div>
      <button className="button secondary" type="submit">{t("dashboard.thresholdSave")}</button>
    </form>
  );
}
