import type { Metadata, Viewport } from "next";
import { SiteChrome } from "@/components/ui/site-chrome";
import { getT } from "@/lib/i18n/server";
import "./globals.css";

/** Every page names itself; the suffix says which portal (RGAA 8.6). Territory and staff layouts refine it. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return {
    title: { default: t("app.name"), template: `%s — ${t("app.name")}` },
    description: "Baromètre local du non-recours aux droits",
    robots: { index: false },
  };
}
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale } = await getT();
  return (
    <html lang={locale}>
      <body>
        <SiteChrome>{children}</SiteChrome>
      </body>
    </html>
  );
}
