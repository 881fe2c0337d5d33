import Link from "next/link";
import { getT } from "@/lib/i18n/server";

/** Not the generic site title: a screen reader user hears at once that the page was not found. */
export async function generateMetadata() {
  const { t } = await getT();
  return { title: t("notFound.title") };
}

export default async function NotFound() {
  const { t } = await getT();
  return (
    <>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p><Link href="/">{t("notFound.home")}</Link></p>
    </>
  );
}
