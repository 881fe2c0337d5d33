import type { AppointmentMessageKind as MessageKind } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locale";
import { translatorFor } from "@/lib/i18n/translator";
import { formatDateTime } from "@/lib/booking/format";
import { buildIcs } from "./ics";

/** What an appointment e-mail says; nothing here is stored in clear. */
export type AppointmentFacts = {
  appointmentId: string;
  revision: number;
  territoryName: string;
  motiveName: string;
  locationType: "on_site" | "phone";
  placeName: string;
  placeAddress: string;
  placePhone: string | null;
  accessNotes: string | null;
  instructions: string | null;
  start: Date;
  end: Date;
  personName: string;
  manageUrl: string;
};

export type MailPayload = { to: string; subject: string; text: string; ics?: { filename: string; content: string; method: "REQUEST" | "CANCEL" } };

export function formatWhen(at: Date, locale: Locale) {
  return formatDateTime(at, locale);
}

/** Subject, body and calendar file of one notification, in the person's language. */
export function composeAppointmentMail(kind: MessageKind, f: AppointmentFacts, to: string, locale: Locale): MailPayload {
  const t = translatorFor(locale);
  const when = formatWhen(f.start, locale);
  const where = f.locationType === "phone" ? t("mail.byPhone") : `${f.placeName}, ${f.placeAddress}`;
  // "Motif : …" with a no-break space in French, "Reason: …" in English.
  const sep = t("flow.labelSep");
  const lines = [
    t("mail.hello", { name: f.personName }),
    "",
    t(`mail.intro_${kind}`, { territory: f.territoryName }),
    "",
    `${t("mail.motive")}${sep}${f.motiveName}`,
    `${t("mail.when")}${sep}${when}`,
    `${t("mail.where")}${sep}${where}`,
    ...(f.accessNotes && f.locationType === "on_site" ? [`${t("mail.access")}${sep}${f.accessNotes}`] : []),
    ...(f.instructions && kind !== "cancellation" ? ["", `${t("mail.bring")}${sep.trimEnd()}`, f.instructions] : []),
    "",
    kind === "cancellation" ? t("mail.rebook") : t("mail.manage"),
    f.manageUrl,
    ...(f.placePhone ? ["", t("mail.phone", { phone: f.placePhone })] : []),
    "",
    t("mail.signature", { territory: f.territoryName }),
  ];
  const cancelled = kind === "cancellation";
  const ics = buildIcs([{
    uid: `${f.appointmentId}@barometre`, start: f.start, end: f.end, sequence: f.revision + (cancelled ? 1 : 0), cancelled,
    title: `${f.motiveName} — CCAS ${f.territoryName}`, location: where, description: f.instructions ?? undefined, url: f.manageUrl,
  }], { method: cancelled ? "CANCEL" : "REQUEST" });
  return {
    to,
    subject: t(`mail.subject_${kind}`, { when }),
    text: lines.join("\n"),
    ics: { filename: "rendez-vous.ics", content: ics, method: cancelled ? "CANCEL" : "REQUEST" },
  };
}
