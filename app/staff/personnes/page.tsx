import { getDb } from "@/db/client";
import { ROLES } from "@/db/schema";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { formatDateTime } from "@/lib/booking/format";
import { getLocale, getT } from "@/lib/i18n/server";
import { pageTitle } from "@/lib/i18n/titles";
import { listPeople } from "@/lib/people/manage";
import { TERRITORY_ROLES } from "@/lib/people/rules";
import { TerritoryPicker } from "@/components/staff/territory-picker";

export function generateMetadata() {
  return pageTitle("people.title");
}

export const dynamic = "force-dynamic";

const DONE = ["invited", "role", "disable", "enable", "unlock", "reinvite"] as const;
const ERRORS = ["exists", "not_found", "forbidden", "self", "last_lead", "last_admin", "admin_role", "not_invited", "name", "email", "role", "action"] as const;

/**
 * The territory's staff (and, for the platform admin, the platform admins): role, state, last
 * sign-in; invite, change role, disable / enable, unlock. Plain forms posting to route handlers
 * (post/redirect/get): everything works without JavaScript. The rules are checked on the server.
 */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ t?: string; fait?: string; erreur?: string }> }) {
  const user = await requirePermission("people:manage");
  const { t } = await getT();
  const locale = await getLocale();
  const db = await getDb();
  const sp = await searchParams;
  const { territory, choices } = await staffTerritory(db, user, sp.t);
  const isAdmin = user.role === "admin";
  const q = isAdmin ? `?t=${territory.slug}` : "";
  const people = await listPeople(db, territory.id, { includeAdmins: isAdmin });
  const loose = t as unknown as (key: string, v?: Record<string, string>) => string;
  const done = DONE.find((d) => d === sp.fait);
  const error = ERRORS.find((e) => e === sp.erreur);
  const invitable = isAdmin ? ROLES : TERRITORY_ROLES;
  return (
    <>
      <h1>{t("people.title")}</h1>
      {choices.length > 1 ? (
        <TerritoryPicker action="/staff/personnes" label={t("people.pick")} button={t("people.show")} choices={choices} current={territory.slug} />
      ) : (
        <p className="muted">{t("people.territory", { territory: territory.name })}</p>
      )}
      <p>{t("people.intro")}</p>
      {done && <p className="notice" role="status">{loose(`people.done.${done}`)}</p>}
      {error && <p className="error" role="alert" id="people-error">{loose(`people.errors.${error}`)}</p>}

      <h2>{t("people.listTitle")}</h2>
      {people.length === 0 ? <p>{t("people.none")}</p> : (
        <div className="table-scroll">
          <table className="queue-table">
            <thead>
              <tr>
                <th scope="col">{t("people.colName")}</th>
                <th scope="col">{t("people.colEmail")}</th>
                <th scope="col">{t("people.colRole")}</th>
                <th scope="col">{t("people.colState")}</th>
                <th scope="col">{t("people.colLastSignIn")}</th>
                <th scope="col">{t("people.colActions")}</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => {
                const self = p.id === user.id;
                const action = `/api/personnes/${p.id}${q}`;
                const of = t("people.ofName", { name: p.name });
                return (
                  <tr key={p.id}>
                    <th scope="row">{p.name} {self && <span className="muted">{t("people.you")}</span>}</th>
                    <td>{p.email}</td>
                    <td>{t(`roles.${p.role}`)}</td>
                    <td>{t(`people.states.${p.state}`)}</td>
                    <td>{p.lastSignInAt ? formatDateTime(p.lastSignInAt, locale) : t("people.never")}</td>
                    <td>
                      {!self && p.role !== "admin" && (
                        <form method="post" action={action} className="inline-form">
                          <input type="hidden" name="action" value="role" />
                          <label className="visually-hidden" htmlFor={`role-${p.id}`}>{t("people.newRole", { name: p.name })}</label>
                          <select id={`role-${p.id}`} name="role" defaultValue={p.role}>
                            {TERRITORY_ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
                          </select>
                          <button className="button secondary" type="submit">{t("people.changeRole")} <span className="visually-hidden">{of}</span></button>
                        </form>
                      )}
                      {!self && (
                        <form method="post" action={action} className="inline-form">
                          <input type="hidden" name="action" value={p.state === "disabled" ? "enable" : "disable"} />
                          <button className="button secondary" type="submit">{p.state === "disabled" ? t("people.enable") : t("people.disable")} <span className="visually-hidden">{of}</span></button>
                        </form>
                      )}
                      {p.state === "invited" && (
                        <form method="post" action={action} className="inline-form">
                          <input type="hidden" name="action" value="reinvite" />
                          <button className="button secondary" type="submit">{t("people.reinvite")} <span className="visually-hidden">{of}</span></button>
                        </form>
                      )}
                      {p.state === "locked" && (
                        <form method="post" action={action} className="inline-form">
                          <input type="hidden" name="action" value="unlock" />
                          <button className="button secondary" type="submit">{t("people.unlock")} <span className="visually-hidden">{of}</span></button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <section className="card" aria-labelledby="invite">
        <h2 id="invite">{t("people.inviteTitle")}</h2>
        <p>{t("people.inviteIntro")}</p>
        <form method="post" action={`/api/personnes${q}`} noValidate>
          <div className="question">
            <label className="label" htmlFor="invite-name">{t("people.name")}</label>
            <input id="invite-name" name="name" type="text" required maxLength={120} autoComplete="off" />
          </div>
          <div className="question">
            <label className="label" htmlFor="invite-email">{t("people.email")}</label>
            <input id="invite-email" name="email" type="email" required maxLength={200} autoComplete="off" />
          </div>
          <div className="question">
            <label className="label" htmlFor="invite-role">{t("people.role")}</label>
            <select id="invite-role" name="role" defaultValue="committee">
              {invitable.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
            </select>
          </div>
          <button className="button" type="submit">{t("people.invite")}</button>
        </form>
      </section>
    </>
  );
}
