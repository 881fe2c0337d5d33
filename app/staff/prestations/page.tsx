import { listCatalogue } from "@/lib/benefits/catalogue";
import { settingsContext } from "@/lib/booking/settings/context";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("benefitsAdmin.title");
}

export const dynamic = "force-dynamic";

const DONE = ["add", "up", "down", "archive", "restore"] as const;
const ERRORS = ["code", "labelFr", "labelEn", "duplicate_code", "mandatory", "not_found", "end", "action"] as const;

/** The territory's benefit catalogue: order, the territory's own benefits, archive (plain forms, PRG). */
export default async function BenefitsPage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string; erreur?: string }> }) {
  const sp = await searchParams;
  const { territory, user, db } = await settingsContext(sp.t);
  const { t } = await getT();
  const locale = await getLocale();
  const loose = t as unknown as (key: string) => string;
  const q = user.role === "admin" ? `?t=${territory.slug}` : "";
  const list = await listCatalogue(db, territory.id);
  const done = DONE.find((d) => d === sp.fait);
  const error = ERRORS.find((e) => e === sp.erreur);
  const button = (code: string, action: string, label: string, name: string) => (
    <form method="post" action={`/api/prestations/${code}${q}`} className="inline-form">
      <input type="hidden" name="action" value={action} />
      <button className="button link" type="submit">{label} <span className="visually-hidden">{name}</span></button>
    </form>
  );
  return (
    <>
      <h1>{t("benefitsAdmin.title")} — {territory.name}</h1>
      <p>{t("benefitsAdmin.intro")}</p>
      {done && <p className="notice" role="status">{loose(`benefitsAdmin.done.${done}`)}</p>}
      {error && <p className="error" role="alert" id="benefit-error">{loose(`benefitsAdmin.errors.${error}`)}</p>}
      <div className="table-scroll">
        <table className="queue-table">
          <thead>
            <tr>
              <th scope="col">{t("benefitsAdmin.colOrder")}</th>
              <th scope="col">{t("benefitsAdmin.colLabel")}</th>
              <th scope="col">{t("benefitsAdmin.colCode")}</th>
              <th scope="col">{t("benefitsAdmin.colKind")}</th>
              <th scope="col">{t("benefitsAdmin.colState")}</th>
              <th scope="col">{t("benefitsAdmin.colActions")}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((e, i) => {
              const name = locale === "en" ? e.labelEn || e.labelFr : e.labelFr;
              return (
                <tr key={e.code}>
                  <td>{i + 1}</td>
                  <th scope="row">{name}</th>
                  <td><code>{e.code}</code></td>
                  <td>{e.kind === "common" ? t("benefitsAdmin.common") : t("benefitsAdmin.extra")}</td>
                  <td>{e.archivedAt ? t("benefitsAdmin.archived") : t("benefitsAdmin.active")}</td>
                  <td>
                    {i > 0 && button(e.code, "up", t("benefitsAdmin.up"), name)}
                    {i < list.length - 1 && button(e.code, "down", t("benefitsAdmin.down"), name)}
                    {e.kind === "extra" && button(e.code, e.archivedAt ? "restore" : "archive", e.archivedAt ? t("benefitsAdmin.restore") : t("benefitsAdmin.archive"), name)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="add-benefit">
        <h2 id="add-benefit">{t("benefitsAdmin.addTitle")}</h2>
        <form method="post" action={`/api/prestations${q}`} noValidate>
          <div className="question">
            <label className="label" htmlFor="benefit-code">{t("benefitsAdmin.code")}</label>
            <p className="hint" id="benefit-code-hint">{t("benefitsAdmin.codeHint")}</p>
            <input id="benefit-code" name="code" type="text" required maxLength={40} aria-describedby="benefit-code-hint" autoComplete="off" spellCheck={false}
              aria-invalid={error === "code" || error === "duplicate_code" ? true : undefined} />
          </div>
          <div className="question">
            <label className="label" htmlFor="benefit-fr">{t("benefitsAdmin.labelFr")}</label>
            <input id="benefit-fr" name="labelFr" type="text" required maxLength={120} aria-invalid={error === "labelFr" ? true : undefined} />
          </div>
          <div className="question">
            <label className="label" htmlFor="benefit-en">{t("benefitsAdmin.labelEn")} <span className="muted">{t("bookingSettings.optional")}</span></label>
            <input id="benefit-en" name="labelEn" type="text" maxLength={120} lang="en" />
          </div>
          <button className="button" type="submit">{t("benefitsAdmin.add")}</button>
        </form>
      </section>
    </>
  );
}
