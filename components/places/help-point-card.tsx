import { describeOpening, openingState } from "@/lib/places/opening-hours";
import { weekHours } from "@/lib/places/week-hours";
import type { HelpPointView } from "@/lib/places/queries";
import { DISABILITY_KINDS } from "@/lib/places/reference";
import { getT } from "@/lib/i18n/server";

type Props = {
  point: HelpPointView; slug: string; at: Date; benefitLabels: Map<string, string>;
  /** Printable sheet: no links that cannot be followed on paper, shorter. */
  compact?: boolean; headingLevel?: 2 | 3;
};

/** One help point, every public field, as plain HTML (the accessible version of the map). */
export async function HelpPointCard({ point: p, slug, at, benefitLabels, compact = false, headingLevel = 2 }: Props) {
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const state = openingState(p.openingHours, at, p.lat != null && p.lon != null ? { lat: p.lat, lon: p.lon } : undefined);
  const week = weekHours(p.openingHours, at, locale);
  const H = `h${headingLevel}` as "h2" | "h3";
  const address = [p.address, [p.postcode, p.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  const rdv = p.appointmentUrl ?? (p.bookingMotiveId ? `/t/${slug}/rendez-vous?motif=${p.bookingMotiveId}` : null);
  const kinds = p.accessibility.kinds ?? {};
  const colon = locale === "fr" ? "\u00A0: " : ": ";
  const stepFree = p.accessibility.stepFree === true ? "yes" : p.accessibility.stepFree === false ? "no" : "unknown";
  const access = [
    ...DISABILITY_KINDS.map((k) => `${tk(`places.disability.${k}`)}${colon}${tk(`places.access.${kinds[k] ?? "unknown"}`)}`),
    `${t("places.stepFreeLabel")}${colon}${tk(`places.access.${stepFree}`)}`,
  ];
  return (
    <article className="card" data-testid="help-point" data-open={state.open && !state.unknown ? "1" : "0"} aria-labelledby={`hp-${p.id}`}>
      <H id={`hp-${p.id}`}>{p.name}</H>
      <p className="muted">{tk(`places.categories.${p.category}`)}{p.neighbourhoodName ? ` — ${p.neighbourhoodName}` : ""}</p>
      {p.mission && <p>{p.mission}</p>}
      <dl>
        {address && <><dt>{t("places.address")}</dt><dd>{address}</dd></>}
        <dt>{t("places.hours")}</dt>
        <dd>
          <strong data-testid="opening-state">{describeOpening(state, at, locale)}</strong>
          {week.length > 0 && <ul className="places-access">{week.map((d) => <li key={d}>{d}</li>)}</ul>}
          {p.openingNote && <p className="muted">{p.openingNote}</p>}
        </dd>
        {p.phone && <><dt>{t("places.phone")}</dt><dd><a href={`tel:${p.phone.replace(/\s/g, "")}`}>{p.phone}</a></dd></>}
        {p.email && <><dt>{t("places.email")}</dt><dd>{compact ? p.email : <a href={`mailto:${p.email}`}>{p.email}</a>}</dd></>}
        {!compact && p.website && <><dt>{t("places.website")}</dt><dd><a href={p.website} rel="noopener noreferrer">{p.website}</a></dd></>}
        {p.languages.length > 0 && <><dt>{t("places.languages")}</dt><dd>{p.languages.map((l) => languageName(l, locale)).join(", ")}</dd></>}
        {p.benefitCodes.length > 0 && (
          <><dt>{t("places.benefits")}</dt><dd>
            {compact
              ? p.benefitCodes.map((c) => benefitLabels.get(c) ?? c).join(", ")
              : <ul className="inline-list">{p.benefitCodes.map((c) => <li key={c}><a href={`/t/${slug}/droits/${c}`}>{benefitLabels.get(c) ?? c}</a></li>)}</ul>}
          </dd></>
        )}
        {(p.transit.lines?.length || p.transit.stop) && (
          <><dt>{t("places.transit")}</dt><dd>{[p.transit.lines?.join(", "), p.transit.stop ? tk("places.stop", { stop: p.transit.stop }) : null].filter(Boolean).join(" — ")}</dd></>
        )}
        <dt>{t("places.accessibility")}</dt>
        <dd>
          {compact ? <p>{access.join(locale === "fr" ? "\u00A0; " : "; ")}</p> : <ul className="places-access">{access.map((a) => <li key={a}>{a}</li>)}</ul>}
          {p.accessibility.note && <p>{p.accessibility.note}</p>}
          {!compact && p.acceslibreUrl && <p><a href={p.acceslibreUrl} rel="noopener noreferrer">{tk("places.acceslibre", { name: p.name })}</a></p>}
        </dd>
      </dl>
      {!compact && rdv && <p><a className="button secondary" href={rdv} {...(p.appointmentUrl ? { rel: "noopener noreferrer" } : {})}>{tk("places.appointment", { name: p.name })}</a></p>}
    </article>
  );
}

function languageName(code: string, locale: string): string {
  try {
    const n = new Intl.DisplayNames([locale], { type: "language" }).of(code);
    return n ? n.charAt(0).toLocaleUpperCase(locale) + n.slice(1) : code;
  } catch {
    return code;
  }
}
