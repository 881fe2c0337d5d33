import { parisWallClock, parseTimeOfDay, isCalendarDate, UUID_PATTERN } from "@/lib/validation/parsers";
import { HELP_POINT_CATEGORIES, type HelpPointCategory } from "./reference";
import type { HelpPointFilters } from "./queries";

/** The GET filter form of /t/<slug>/lieux: ?quartier=<id>&categorie=<c>&aide=<code>&ouvert=1&le=AAAA-MM-JJ&a=HH:MM */
export type PlacesSearch = { quartier?: string; categorie?: string; aide?: string; ouvert?: string; le?: string; a?: string };

export type ParsedPlacesSearch = {
  filters: HelpPointFilters;
  /** The instant the "open" filter and the opening lines are evaluated at. */
  at: Date;
  /** True when a date and time were asked for (not "now"). */
  fixedTime: boolean;
  /** The values to put back in the form. */
  values: { quartier: string; categorie: string; aide: string; ouvert: boolean; le: string; a: string };
  /** Message keys (places.errors.*) of parameters that were ignored. */
  errors: ("date" | "time")[];
};

const one = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "").slice(0, 60);

/**
 * Pure: unknown values are ignored (an unknown category or area shows everything rather than an
 * error page); an impossible date or time is reported and "now" used instead.
 */
export function parsePlacesSearch(sp: Record<string, unknown>, now: Date): ParsedPlacesSearch {
  const quartier = one(sp.quartier), categorie = one(sp.categorie), aide = one(sp.aide), le = one(sp.le), a = one(sp.a);
  const ouvert = one(sp.ouvert) === "1";
  const errors: ParsedPlacesSearch["errors"] = [];
  let at = now;
  let fixedTime = false;
  if (le || a) {
    if (!isCalendarDate(le)) errors.push("date");
    else if (!parseTimeOfDay(a || "")) errors.push("time");
    else {
      const wall = parisWallClock(le, a);
      if (wall) { at = wall; fixedTime = true; } else errors.push("time");
    }
  }
  const filters: HelpPointFilters = {
    ...(UUID_PATTERN.test(quartier) ? { neighbourhoodId: quartier.toLowerCase() } : {}),
    ...((HELP_POINT_CATEGORIES as readonly string[]).includes(categorie) ? { category: categorie as HelpPointCategory } : {}),
    ...(/^[a-z][a-z0-9_-]{0,39}$/.test(aide) ? { benefit: aide } : {}),
    ...(ouvert ? { openAt: at } : {}),
  };
  return { filters, at, fixedTime, values: { quartier, categorie, aide, ouvert, le, a }, errors };
}
