import type { Metadata } from "next";
import { getT } from "./server";

/**
 * The metadata of a page whose title is one message or several joined (RGAA 8.6: every page has
 * a distinct title); each page's own `generateMetadata` returns it. The layouts add the territory
 * or "Espace professionnels" and the portal's name.
 */
export async function pageTitle(...keys: string[]): Promise<Metadata> {
  const { t } = await getT();
  const loose = t as unknown as (key: string) => string;
  return { title: keys.map((k) => loose(k)).join(" — ") };
}
