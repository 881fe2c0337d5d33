import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { getT } from "@/lib/i18n/server";
import { getTerritoryBySlug } from "@/lib/territories/queries";

/**
 * Respondent pages below this segment: "<page> — <territory>" (RGAA 8.6), so that a person knows
 * where they are. A template applies to child segments only: the start page sets its own.
 */
export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const { t } = await getT();
  const territory = await getTerritoryBySlug(await getDb(), (await params).slug);
  const name = territory?.name ?? t("app.name");
  return { title: { default: name, template: `%s — ${name}` } };
}

export default function TerritoryLayout({ children }: { children: React.ReactNode }) {
  return children;
}
