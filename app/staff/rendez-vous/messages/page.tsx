import Link from "next/link";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { staffTerritory } from "@/lib/auth/staff-territory";
import { formatDateTime } from "@/lib/booking/format";
import { getT } from "@/lib/i18n/server";
import { smtpFromEnv } from "@/lib/notifications/mailer";
import { listOutbox, viewOutboxMessage } from "@/lib/notifications/outbox-list";
import { smsConfigured } from "@/lib/notifications/sms";
import { isUuid } from "@/lib/validation/parsers";
import { pageTitle } from "@/lib/i18n/titles";

export function generateMetadata() {
  return pageTitle("appointments.outboxTitle", "appointments.title");
}

export const dynamic = "force-dynamic";

/** The outbox: every e-mail written, its delivery state; contents readable (audited) when no SMTP is set. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ t?: string; voir?: string }> }) {
  const user = await requirePermission("territory:configure");
  const sp = await searchParams;
  const { locale, t } = await getT();
  const tk = t as unknown as (k: string) => string;
  const db = await getDb();
  const { territory } = await staffTerritory(db, user, sp.t);
  const messages = await listOutbox(db, territory.id);
  const shown = sp.voir && isUuid(sp.voir) ? await viewOutboxMessage(db, territory.id, sp.voir, user.id) : null;
  // The platform admin's territory travels in the links; everyone else's is implicit.
  const tq = user.role === "admin" ? `t=${territory.slug}&` : "";
  const onlyT = user.role === "admin" ? `?t=${territory.slug}` : "";
  return (
    <>
      <p><Link href={`/staff/rendez-vous${onlyT}`}>← {t("appointments.title")}</Link></p>
      <h1>{t("appointments.outboxTitle")}</h1>
      <p>{smtpFromEnv() ? t("appointments.smtpOn") : t("appointments.smtpOff")} {smsConfigured() ? t("appointments.smsOn") : t("appointments.smsOff")}</p>
      {shown?.payload && (
        <section className="card" aria-labelledby="message">
          <h2 id="message">{"subject" in shown.payload ? shown.payload.subject : t("appointments.smsMessage")}</h2>
          <p>{t("appointments.to")} {shown.payload.to}</p>
          <pre style={{ whiteSpace: "pre-wrap" }}>{shown.payload.text}</pre>
        </section>
      )}
      {messages.length === 0 ? <p>{t("appointments.outboxEmpty")}</p> : (
        <table className="calendar-table">
          <thead><tr><th scope="col">{t("appointments.created")}</th><th scope="col">{t("appointments.kind")}</th><th scope="col">{t("appointments.statusLabel")}</th><th scope="col">{t("appointments.sendAfter")}</th><th scope="col">{t("appointments.attempts")}</th><th scope="col"><span className="visually-hidden">{t("appointments.read")}</span></th></tr></thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id} data-testid="outbox-row">
                <td>{formatDateTime(m.createdAt, locale)}</td>
                <td>{tk(`appointments.kind_${m.kind}`)}{m.channel === "sms" ? ` (${t("appointments.smsMessage")})` : ""}</td>
                <td>{tk(`appointments.outbox_${m.status}`)}{m.lastError ? ` (${m.lastError})` : ""}</td>
                <td>{formatDateTime(m.sendAfter, locale)}</td>
                <td>{m.attempts}</td>
                <td><Link href={`/staff/rendez-vous/messages?${tq}voir=${m.id}`}>{t("appointments.read")}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
