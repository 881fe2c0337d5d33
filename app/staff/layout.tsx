import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";

/**
 * Staff pages below this segment: "<page> — Espace professionnels — Baromètre du non-recours"
 * (RGAA 8.6). A template applies to child segments only: /staff itself takes the root's.
 */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("staff.title"), template: `%s — ${t("staff.title")} — ${t("app.name")}` } };
}

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return children;
}
