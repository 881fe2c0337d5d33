import Link from "next/link";
import { notFound } from "next/navigation";
import { GuideEditForm } from "@/components/guides/guide-edit-form";
import { StatusBadge } from "@/components/guides/status-badge";
import "@/components/guides/guides.css";
import { formatDateTime } from "@/lib/booking/format";
import { parisDay } from "@/lib/booking/slots";
import { FORM_CHOICES, guideFormValues } from "@/lib/guides/guide-form";
import { pick } from "@/lib/guides/localize";
import { GUIDE_CODE } from "@/lib/guides/page-context";
import { guidesStaffPage } from "@/lib/guides/staff-page";
import { getTerritoryGuide, listGuideVersions } from "@/lib/guides/store";
import { pageTitle } from "@/lib/i18n/titles";
import { saveGuideAction, validateGuideAction } from "../actions";

export function generateMetadata() {
  return pageTitle("guides.editTitle");
}
export const dynamic = "force-dynamic";

const MESSAGES = ["saved", "unchanged", "validated", "alreadyValidated", "conflict", "noSheet", "form"] as const;
const FIELDS = ["title_fr", "title_en", "whatItIs_fr", "whatItIs_en", "organisms", "whoPays_fr", "whoPays_en", "audiences", "lifeMoments", "checklist", "documents", "steps", "form_number", "form_label_fr", "form_label_en", "where_fr", "where_en", "amount_fr", "amount_en", "amount_asOf", "amount_source", "lastCheckedOn", "note"];

/** Edit one sheet (a new version per save), validate it, and read its history (who, when). */
export default async function EditGuidePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ t?: string; msg?: string }> }) {
  const { code } = await params;
  const sp = await searchParams;
  const { db, territory, locale, g, q, slug } = await guidesStaffPage(sp.t);
  if (!GUIDE_CODE.test(code)) notFound();
  const entry = await getTerritoryGuide(db, territory.id, code);
  if (!entry) notFound();
  const history = await listGuideVersions(db, territory.id, code);
  const title = pick(entry.label, locale);
  const msg = MESSAGES.find((m) => m === sp.msg);
  const strings: Record<string, string> = {
    errorSummary: g("errorSummary"), save: g("save"), amountTitle: g("amountTitle"),
    ...Object.fromEntries(FIELDS.map((f) => [`f.${f}`, g(`f.${f}`)])),
    ...Object.fromEntries(["checklist", "documents", "steps", "form_number", "amount", "date", "en"].map((h) => [`hint.${h}`, g(`hint.${h}`)])),
  };
  const choices = {
    organisms: FORM_CHOICES.organisms.map((o) => ({ value: o, label: o })),
    audiences: FORM_CHOICES.audiences.map((a) => ({ value: a, label: g(`audience.${a}`) })),
    lifeMoments: FORM_CHOICES.lifeMoments.map((m) => ({ value: m, label: g(`moment.${m}`) })),
  };
  const status = g(`status.${entry.status ?? "none"}`);
  return (
    <div className="wide">
      <p><Link href={`/staff/guides${q}`}>{g("backStaff")}</Link></p>
      <h1>{g("editHeading", { title })}</h1>
      {msg && <p className={msg === "conflict" || msg === "noSheet" || msg === "form" ? "error" : "notice"} role="status" data-testid="guide-msg">{g(`msg.${msg}`)}</p>}
      <p>
        <StatusBadge status={entry.status ?? "none"} label={status} />{" "}
        {entry.source === "territory" ? g("currentVersion", { version: entry.version, status }) : entry.guide ? g("currentSeed", { status }) : g("noSheetYet")}
      </p>
      <p><Link href={`/t/${territory.slug}/droits/${code}`}>{g("viewPublic")}</Link></p>
      {entry.guide && entry.status !== "validated" && (
        <section className="card" aria-labelledby="validate-title">
          <h2 id="validate-title">{g("validateTitle")}</h2>
          <p>{g("validateIntro")}</p>
          <form action={validateGuideAction.bind(null, slug, code)}>
            <input type="hidden" name="baseVersion" value={entry.version} />
            <button className="button" type="submit">{g("validate")}</button>
          </form>
        </section>
      )}
      <GuideEditForm action={saveGuideAction.bind(null, slug, code)} strings={strings} choices={choices}
        initial={guideFormValues(entry.guide, entry.label, entry.version, parisDay(new Date()))} />
      <section aria-labelledby="history-title">
        <h2 id="history-title">{g("historyTitle")}</h2>
        {history.length === 0 ? <p>{g("historyNone")}</p> : (
          <div className="table-scroll">
            <table className="queue-table" data-testid="guide-history">
              <thead><tr><th scope="col">{g("colVersion")}</th><th scope="col">{g("colStatus")}</th><th scope="col">{g("colWho")}</th><th scope="col">{g("colWhen")}</th><th scope="col">{g("colNote")}</th></tr></thead>
              <tbody>
                {history.map((h) => (
                  <tr key={h.version}>
                    <th scope="row">{h.version}</th>
                    <td>{g(`status.${h.status}`)}</td>
                    <td>{h.editor ?? "—"}</td>
                    <td>{formatDateTime(h.createdAt, locale)}</td>
                    <td>{h.note ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
