import { randomUUID } from "node:crypto";
import Link from "next/link";
import { HelpPointForm } from "@/components/places/help-point-form";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { formValuesOf } from "@/lib/places/form-actions";
import { helpPointFormProps } from "@/lib/places/form-strings";
import { placesPage } from "@/lib/places/staff-context";
import { saveHelpPointAction } from "../actions";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("places.add");
}

export default async function NewHelpPoint({ searchParams }: { searchParams: Promise<{ t?: string }> }) {
  const { user, db, territory, href } = await placesPage((await searchParams).t);
  const { t } = await getT();
  const props = await helpPointFormProps(db, territory.id, t);
  return (
    <>
      <p><Link href={href()}>{t("places.back")}</Link></p>
      <h1>{t("places.add")}</h1>
      {/* The one-time key makes a double submit create one place. */}
      <HelpPointForm action={saveHelpPointAction.bind(null, user.role === "admin" ? territory.slug : null, null)} {...props} initial={formValuesOf(null)} formKey={randomUUID()} />
    </>
  );
}
