import type { Metadata } from "next";
import { getT } from "./server";

/**
 * `generateMetadata` of a page whose title is one message (RGAA 8.6: every page has a distinct
 * title). The layouts add the territory or "Espace professionnels" and the portal's name.
 */
export function titleFrom(...keys: string[]) {
  return async function generateMetadata(): Promise<Metadata> {
    const { t } = await getT();
    const loose = t as unknown as (key: string) => string;
    return { title: keys.map((k) => loose(k)).join(" — ") };
  };
}
