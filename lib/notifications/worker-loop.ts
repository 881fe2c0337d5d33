import { describeError, logger } from "@/lib/log/logger";
import { getDb } from "@/db/client";
import { purgeBookingData } from "@/lib/booking/retention";
import { purgeContactData } from "@/lib/callbacks/retention";
import { smtpFromEnv } from "./mailer";
import { smsFromEnv } from "./sms";
import { deliverDue } from "./worker";

const g = globalThis as unknown as { __barometreWorker?: NodeJS.Timeout };

/**
 * The in-process job loop of the portal (started by instrumentation.ts): delivers due e-mails
 * every MAIL_WORKER_INTERVAL_MS (default 15 s) when SMTP is configured, and SMS when a provider is, and runs the retention
 * purges (rights-review contact data, booking contact data and e-mail contents) every hour. In-process because PGlite is one connection in one process.
 */
export function startWorkerLoop() {
  if (g.__barometreWorker) return;
  const senders = { email: smtpFromEnv(), sms: smsFromEnv() };
  const interval = Number(process.env.MAIL_WORKER_INTERVAL_MS || 15_000);
  let lastPurge = 0;
  let running = false;
  g.__barometreWorker = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDb();
      if (senders.email || senders.sms) await deliverDue(db, senders);
      if (Date.now() - lastPurge > 3_600_000) {
        lastPurge = Date.now();
        await purgeContactData(db);
        await purgeBookingData(db);
      }
    } catch (err) {
      logger.error("worker_failed", describeError(err));
    } finally {
      running = false;
    }
  }, interval);
  g.__barometreWorker.unref?.();
}
