import { AUDIENCES, LIFE_MOMENTS, type Audience, type LifeMoment } from "./guide-schema";
import type { TerritoryGuide } from "./store";

/** The list's entry point: an edition (?public=) or a life moment (?moment=), never both. */
export type GuideFilter = { audience: Audience | null; moment: LifeMoment | null };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Pure: reads ?public= and ?moment=; an unknown value is ignored (the whole list), never an error. */
export function parseGuideFilter(params: { public?: string | string[]; moment?: string | string[] }): GuideFilter {
  const audience = first(params.public);
  const moment = first(params.moment);
  const a = (AUDIENCES as readonly string[]).includes(audience ?? "") ? (audience as Audience) : null;
  const m = !a && (LIFE_MOMENTS as readonly string[]).includes(moment ?? "") ? (moment as LifeMoment) : null;
  return { audience: a, moment: m };
}

/**
 * Pure: the guides of an edition or a life moment, in the catalogue's order. A benefit without a
 * sheet belongs to no edition but stays in the whole list ("being written").
 */
export function filterGuides(guides: readonly TerritoryGuide[], filter: GuideFilter): TerritoryGuide[] {
  return guides.filter((g) => {
    if (filter.audience) return !!g.guide?.audiences.includes(filter.audience);
    if (filter.moment) return !!g.guide?.lifeMoments.includes(filter.moment);
    return true;
  });
}

/** Pure: the guides printed in an edition (those with a sheet); the whole set without an edition. */
export function printableGuides(guides: readonly TerritoryGuide[], audience: Audience | null): TerritoryGuide[] {
  return filterGuides(guides, { audience, moment: null }).filter((g) => g.guide);
}
