import Link from "next/link";
import { SettingsForm } from "@/components/booking/settings/settings-form";
import { EntryActions, ServiceActions } from "@/components/detection/settings/row-actions";
import { loadLists } from "@/lib/detection/options";
import { BENEFIT_GROUPS, FORMES } from "@/lib/detection/reference";
import { listServices } from "@/lib/detection/services";
import { detectionSettingsContext, SETTINGS_TABS, toTab } from "@/lib/detection/settings/context";
import { PARENTS } from "@/lib/detection/settings/manage-options";
import { serviceUsage } from "@/lib/detection/settings/manage-services";
import { getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { addOptionAction, addServiceAction, archiveOptionAction, renameOptionAction, renameServiceAction, serviceStateAction } from "./actions";

export function generateMetadata() {
  return pageTitle("detectionSettings.title");
}

export const dynamic = "force-dynamic";

const DONE = ["added", "renamed", "archived", "restored", "deleted", "flagged"] as const;
const PARENT_LABELS: Record<string, { code: string; label: string }[]> = { reason: FORMES, benefit: BENEFIT_GROUPS };

/**
 * The detection tool's settings: the detecting services, then each list (reasons under a forme,
 * explanation levels, actions, domains, actors, benefits with their group). One list per view so
 * that the page stays short; nothing is deleted but an unused service.
 */
export default async function DetectionSettingsPage({ searchParams }: { searchParams: Promise<{ t?: string; liste?: string; fait?: string; erreur?: string }> }) {
  const sp = await searchParams;
  const ctx = await detectionSettingsContext(sp.t);
  const { db, territory, slug, href } = ctx;
  const tab = toTab(sp.liste);
  const { t } = await getT();
  const loose = t as unknown as (key: string, v?: Record<string, string | number>) => string;
  const errors = (t.raw as (k: string) => unknown)("detectionSettings.errors") as Record<string, string>;
  const done = DONE.find((d) => d === sp.fait);
  const failed = typeof sp.erreur === "string" ? errors[sp.erreur] ?? errors.form : null;
  const formStrings = { submit: t("detectionSettings.add"), errorSummary: t("bookingSettings.errorSummary"), optional: t("bookingSettings.optional"), errors };
  const f = (k: string) => loose(`detectionSettings.fields.${k}`);
  const rowStrings = {
    rename: t("detectionSettings.rename"), newLabel: t("detectionSettings.newLabel"), archive: t("detectionSettings.archive"), restore: t("detectionSettings.restore"),
    delete: t("detectionSettings.delete"), aidOn: t("detectionSettings.aidOn"), aidOff: t("detectionSettings.aidOff"),
  };

  let body;
  if (tab === "services") {
    const [services, usage] = await Promise.all([listServices(db, territory.id, { includeArchived: true }), serviceUsage(db, territory.id)]);
    body = (
      <>
        <div className="table-scroll">
          <table className="queue-table" data-testid="settings-table">
            <caption>{t("detectionSettings.tabs.services")}</caption>
            <thead><tr>
              <th scope="col">{t("detectionSettings.colLabel")}</th><th scope="col">{t("detectionSettings.colCode")}</th>
              <th scope="col">{t("detectionSettings.colAid")}</th><th scope="col">{t("detectionSettings.colState")}</th>
              <th scope="col" className="num">{t("detectionSettings.colSituations")}</th><th scope="col">{t("detectionSettings.colActions")}</th>
            </tr></thead>
            <tbody>
              {services.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.label}</th>
                  <td><code>{s.code}</code></td>
                  <td>{s.instructsOptionalAid ? t("detectionSettings.yes") : t("detectionSettings.no")}</td>
                  <td>{s.archived ? t("detectionSettings.archived") : t("detectionSettings.active")}</td>
                  <td className="num">{usage.get(s.id) ?? 0}</td>
                  <td><ServiceActions service={s} inUse={(usage.get(s.id) ?? 0) > 0} rename={renameServiceAction.bind(null, slug)} state={serviceStateAction.bind(null, slug)} strings={rowStrings} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" aria-labelledby="add-title">
          <h2 id="add-title">{t("detectionSettings.addService")}</h2>
          <SettingsForm key={`add-service-${services.length}`} id="add-service" action={addServiceAction.bind(null, slug)} strings={formStrings} fields={[
            { kind: "text", name: "label", label: f("serviceLabel"), hint: f("labelHint"), maxLength: 120 },
            { kind: "checkbox", name: "instructsOptionalAid", label: f("instructsOptionalAid"), hint: f("instructsHint") },
          ]} />
        </section>
      </>
    );
  } else {
    const lists = await loadLists(db, territory.id);
    const parents = PARENT_LABELS[tab];
    const rank = (p?: string) => (parents ? parents.findIndex((x) => x.code === p) : 0);
    const entries = [...lists[tab]].sort((a, b) => rank(a.parent) - rank(b.parent));
    body = (
      <>
        <div className="table-scroll">
          <table className="queue-table" data-testid="settings-table">
            <caption>{loose(`detectionSettings.tabs.${tab}`)}</caption>
            <thead><tr>
              <th scope="col">{t("detectionSettings.colLabel")}</th><th scope="col">{t("detectionSettings.colCode")}</th>
              {parents && <th scope="col">{loose(`detectionSettings.parent.${tab}`)}</th>}
              <th scope="col">{t("detectionSettings.colOrigin")}</th><th scope="col">{t("detectionSettings.colState")}</th>
              <th scope="col">{t("detectionSettings.colActions")}</th>
            </tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.code}>
                  <th scope="row">{e.label}</th>
                  <td><code>{e.code}</code></td>
                  {parents && <td>{parents.find((p) => p.code === e.parent)?.label ?? e.parent ?? "—"}</td>}
                  <td>{e.own ? t("detectionSettings.own") : t("detectionSettings.default")}</td>
                  <td>{e.archived ? t("detectionSettings.archived") : t("detectionSettings.active")}</td>
                  <td><EntryActions entry={e} rename={renameOptionAction.bind(null, slug, tab)} archive={archiveOptionAction.bind(null, slug, tab)} strings={rowStrings} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section className="card" aria-labelledby="add-title">
          <h2 id="add-title">{t("detectionSettings.addEntry")}</h2>
          <SettingsForm key={`add-${tab}-${entries.length}`} id={`add-${tab}`} action={addOptionAction.bind(null, slug, tab)} strings={formStrings} fields={[
            { kind: "text", name: "label", label: f("label"), hint: f("labelHint"), maxLength: 120 },
            ...(PARENTS[tab] && parents ? [{
              kind: "select" as const, name: "parent", label: loose(`detectionSettings.parent.${tab}`), placeholder: f("parentPick"),
              options: parents.map((p) => ({ value: p.code, label: p.label })),
            }] : []),
          ]} />
        </section>
      </>
    );
  }

  return (
    <>
      <h1>{t("detectionSettings.title")} — {territory.name}</h1>
      <p>{t("detectionSettings.intro")}</p>
      <nav aria-label={t("detectionSettings.tabsLabel")}>
        <ul className="inline-choices" data-testid="settings-tabs">
          {SETTINGS_TABS.map((x) => (
            <li key={x}><Link href={href(x)} aria-current={x === tab ? "page" : undefined}>{loose(`detectionSettings.tabs.${x}`)}</Link></li>
          ))}
        </ul>
      </nav>
      <h2>{loose(`detectionSettings.tabs.${tab}`)}</h2>
      <p>{loose(`detectionSettings.listIntro.${tab}`)}</p>
      {done && <p className="notice" role="status">{loose(`detectionSettings.done.${done}`)}</p>}
      {failed && <p className="error" role="alert">{failed}</p>}
      {body}
    </>
  );
}
