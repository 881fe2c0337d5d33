import type { ChecklistItem, ChecklistResult } from "@/lib/guides/checklist";
import type { Locale } from "@/lib/i18n/locale";
import { pick } from "@/lib/guides/localize";
import type { GuideT } from "./texts";

/**
 * The eligibility checklist as a plain GET form: one yes/no radio group per condition. The answer
 * comes back in the URL and the server evaluates it; nothing is stored and no cookie is set, so it
 * works the same without JavaScript.
 */
export function ChecklistForm({ action, items, answers, result, invalid, locale, t }: {
  action: string;
  items: readonly ChecklistItem[];
  answers: Record<string, "yes" | "no">;
  result: ChecklistResult | null;
  invalid: boolean;
  locale: Locale;
  t: GuideT;
}) {
  const question = (id: string) => pick(items.find((i) => i.id === id)!.question, locale);
  return (
    <section className="card guide-check" aria-labelledby="check-title">
      <h2 id="check-title">{t("checkTitle")}</h2>
      <p>{t("checkIntro")}</p>
      {result && (
        <div id="verdict" className={`guide-verdict ${result.verdict}`} role="status" data-testid="verdict" data-verdict={result.verdict} tabIndex={-1}>
          <h3>{t("verdictTitle")}</h3>
          {invalid && <p>{t("invalid")}</p>}
          {result.verdict === "likely" && (<><p><strong>{t("likely")}</strong></p><p>{t("likelyNext")}</p></>)}
          {result.verdict === "missing" && (
            <>
              <p><strong>{t("missing", { count: result.missing.length })}</strong></p>
              <ul data-testid="missing">{result.missing.map((id) => <li key={id}>{question(id)}</li>)}</ul>
              <p>{t("missingNext")}</p>
            </>
          )}
          {result.verdict === "incomplete" && <p><strong>{t("incomplete")}</strong></p>}
          {result.unanswered.length > 0 && (
            <>
              <p>{t("unanswered")}</p>
              <ul>{result.unanswered.map((id) => <li key={id}>{question(id)}</li>)}</ul>
            </>
          )}
        </div>
      )}
      <form method="get" action={`${action}#verdict`}>
        <input type="hidden" name="verifier" value="1" />
        {items.map((item) => (
          <fieldset key={item.id}>
            <legend>{pick(item.question, locale)}</legend>
            <div className="choices">
              {(["yes", "no"] as const).map((v) => (
                <label key={v}>
                  <input type="radio" name={item.id} value={v} defaultChecked={answers[item.id] === v} />
                  {t(v)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <button className="button" type="submit">{t("checkSubmit")}</button>
      </form>
    </section>
  );
}
