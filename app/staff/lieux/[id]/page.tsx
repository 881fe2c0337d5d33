import Link from "next/link";
import { notFound } from "next/navigation";
import { HelpPointForm } from "@/components/places/help-point-form";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { formValuesOf } from "@/lib/places/form-actions";
import { helpPointFormProps } from "@/lib/places/form-strings";
import { placesPage } from "@/lib/places/staff-context";
import { getStaffHelpPoint } from "@/lib/places/store";
import { parseUuid } from "@/lib/validation/parsers";
import { saveHelpPointAction } from "../actions";

export const dynamic = "force-dynamic";
export function generateMetadata() {
  return pageTitle("places.editTitle");
}

/** Edit one place; another territory's id is not found. */
export default async function EditHelpPoint({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> }) {
  const { user, db, territory, href } = await placesPage((await searchParams).t);
  const id = parseUuid((await params).id);
  const point = id ? await getStaffHelpPoint(db, territory.id, id) : null;
  if (!point) notFound();
  const { t } = await getT();
  const tk = t as unknown as (k: string, v?: Record<string, string | number>) => string;
  const props = await helpPointFormProps(db, territory.id, t);
  return (
    <>
      <p><Link href={href()}>{t("places.back")}</Link></p>
      <h1>{tk("places.editHeading", { name: point.name })}</h1>
      {point.archivedAt && <p className="notice">{t("places.archivedNotice")}</p>}
      <HelpPointForm action={saveHelpPointAction.bind(null, user.role === "admin" ? territory.slug : null, point.id)} {...props} initial={formValuesOf(point)} formKey={null} />
    </>
  );
}
