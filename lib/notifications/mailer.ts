import nodemailer, { type Transporter } from "nodemailer";
import type { MailPayload } from "./compose";

/** Sends one message; throws on failure (the worker retries). */
export type SendMail = (payload: MailPayload, messageId: string) => Promise<void>;

/**
 * SMTP delivery configured by the environment: SMTP_URL (e.g. smtp://user:pass@host:587) and
 * MAIL_FROM. Null when no SMTP is configured: messages then stay readable in the outbox page.
 */
export function smtpFromEnv(env = process.env): SendMail | null {
  if (!env.SMTP_URL) return null;
  return smtpSender(env.SMTP_URL, env.MAIL_FROM || "CCAS <ne-pas-repondre@barometre.invalid>");
}

export function smtpSender(url: string, from: string): SendMail {
  const transport: Transporter = nodemailer.createTransport(url);
  return async (p, messageId) => {
    await transport.sendMail({
      from, to: p.to, subject: p.subject, text: p.text,
      // The outbox id as Message-ID: a message delivered twice after a crash is recognisable.
      messageId: `<${messageId}@barometre>`,
      icalEvent: p.ics ? { filename: p.ics.filename, method: p.ics.method, content: p.ics.content } : undefined,
    });
  };
}
