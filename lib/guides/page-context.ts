import { getT } from "@/lib/i18n/server";
import { loadRespondent } from "@/lib/respondent/context";
import type { GuideT } from "@/components/guides/texts";

/** A catalogue code as it may appear in a URL (anything else is not found before any query). */
export const GUIDE_CODE = /^[a-z][a-z0-9_]{0,39}$/;

/** The start of every public guide page: the territory (unknown → 404), the language, `guides.*` messages. */
export async function guidePage(slug: string) {
  const { db, territory } = await loadRespondent(slug);
  const { locale, t } = await getT();
  const loose = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const g: GuideT = (k, v) => loose(`guides.${k}`, v);
  return { db, territory, locale, g, base: `/t/${territory.slug}` };
}
