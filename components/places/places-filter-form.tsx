import { HELP_POINT_CATEGORIES } from "@/lib/places/reference";
import type { ParsedPlacesSearch } from "@/lib/places/search-params";
import { getT } from "@/lib/i18n/server";

type Props = {
  action: string; values: ParsedPlacesSearch["values"]; areaLabel: string | null;
  areas: { id: string; name: string }[]; benefits: [string, string][]; errors: ParsedPlacesSearch["errors"];
};

/** The list's filters as a GET form: works without JavaScript, the URL can be shared or printed. */
export async function PlacesFilterForm({ action, values, areaLabel, areas, benefits, errors }: Props) {
  const { t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  return (
    <form method="get" action={action} className="card" aria-labelledby="places-filter-title">
      <h2 id="places-filter-title">{t("places.filterTitle")}</h2>
      {errors.length > 0 && <ul className="notice" role="alert">{errors.map((e) => <li key={e}>{tk(`places.errors.${e}`)}</li>)}</ul>}
      <div className="places-filters">
        {areas.length > 0 && (
          <div className="question">
            <label className="label" htmlFor="f-quartier">{areaLabel ?? t("places.area")}</label>
            <select id="f-quartier" name="quartier" defaultValue={values.quartier}>
              <option value="">{t("places.all")}</option>
              {areas.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
        )}
        <div className="question">
          <label className="label" htmlFor="f-categorie">{t("places.category")}</label>
          <select id="f-categorie" name="categorie" defaultValue={values.categorie}>
            <option value="">{t("places.all")}</option>
            {HELP_POINT_CATEGORIES.map((c) => <option key={c} value={c}>{tk(`places.categories.${c}`)}</option>)}
          </select>
        </div>
        <div className="question">
          <label className="label" htmlFor="f-aide">{t("places.benefit")}</label>
          <select id="f-aide" name="aide" defaultValue={values.aide}>
            <option value="">{t("places.all")}</option>
            {benefits.map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
        </div>
        <div className="question">
          <input id="f-ouvert" type="checkbox" name="ouvert" value="1" defaultChecked={values.ouvert} />{" "}
          <label htmlFor="f-ouvert">{t("places.openFilter")}</label>
        </div>
        <fieldset className="question">
          <legend>{t("places.openAtLegend")}</legend>
          <p className="hint" id="f-when-hint">{t("places.openAtHint")}</p>
          <label className="label" htmlFor="f-le">{t("places.openAtDate")}</label>
          <input id="f-le" type="date" name="le" defaultValue={values.le} aria-describedby="f-when-hint" />
          <label className="label" htmlFor="f-a">{t("places.openAtTime")}</label>
          <input id="f-a" type="time" name="a" defaultValue={values.a} aria-describedby="f-when-hint" />
        </fieldset>
      </div>
      <p><button className="button" type="submit">{t("places.filterSubmit")}</button> <a href={action}>{t("places.filterReset")}</a></p>
    </form>
  );
}
