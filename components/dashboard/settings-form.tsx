import type { T } from "@/lib/i18n/server";

/**
 * Threshold and collection target, for the territory lead (a plain form: works without
 * JavaScript). A refused value comes back here (#reglages) with its message beside the field.
 */
export function SettingsForm({ t, threshold, target, slug, saved, error }: {
  t: T; threshold: number; target: number | null; slug?: string; saved: boolean; error?: "threshold" | "target";
}) {
  const described = (f: "threshold" | "target", hint?: string) => [hint, error === f ? `err-${f}` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form method="post" action={`/api/tableau-de-bord/reglages${slug ? `?t=${slug}` : ""}`} className="card no-print" aria-labelledby="settings-title" id="reglages">
      <h2 id="settings-title">{t("dashboard.threshold")}</h2>
      {saved && <p role="status">{t("dashboard.thresholdSaved")}</p>}
      <div className="question">
        <label className="label" htmlFor="suppressionThreshold">{t("dashboard.threshold")}</label>
        <p className="hint" id="threshold-help">{t("dashboard.thresholdHelp")}</p>
        {error === "threshold" && <p className="error" id="err-threshold" role="alert">{t("dashboard.thresholdInvalid")}</p>}
        <input id="suppressionThreshold" name="suppressionThreshold" type="number" min={3} max={100} required defaultValue={threshold}
          aria-invalid={error === "threshold" || undefined} aria-describedby={described("threshold", "threshold-help")} />
      </div>
      <div className="question">
        <label className="label" htmlFor="collectionTarget">{t("dashboard.target")}</label>
        {error === "target" && <p className="error" id="err-target" role="alert">{t("dashboard.targetInvalid")}</p>}
        <input id="collectionTarget" name="collectionTarget" type="number" min={1} defaultValue={target ?? ""}
          aria-invalid={error === "target" || undefined} aria-describedby={described("target")} />
      </div>
      <button className="button secondary" type="submit">{t("dashboard.thresholdSave")}</button>
    </form>
  );
}
