import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { getT } from "@/lib/i18n/server";
import { LanguageSwitch } from "@/components/ui/language-switch";
import "./globals.css";

export const metadata: Metadata = {
  title: "Baromètre du non-recours",
  description: "Baromètre local du non-recours aux droits",
  robots: { index: false },
};
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await getT();
  return (
    <html lang={locale}>
      <body>
        <a className="skip" href="#contenu">{t("app.skip")}</a>
        <header className="site-header">
          <Link className="brand" href="/">{t("app.name")}</Link>
          <LanguageSwitch locale={locale} label={t("app.language")} names={{ fr: t("app.french"), en: t("app.english") }} />
        </header>
        <main id="contenu" tabIndex={-1}>{children}</main>
      </body>
    </html>
  );
}
