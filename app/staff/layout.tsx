import type { Metadata } from "next";
import { getT } from "@/lib/i18n/server";

/** Staff pages: "<page> — Espace professionnels" (RGAA 8.6). */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: { default: t("staff.title"), template: `%s — ${t("staff.title")}` } };
}

export default function StaffLayout({ children }: { children: React.ReactNode }) {
  return children;
}
