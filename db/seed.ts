import { closeDb, databaseEngine, getDb } from "./client";
import { purgeBookingData } from "@/lib/booking/retention";
import { purgeContactData } from "@/lib/callbacks/retention";
import { purgeExpiredDrafts } from "@/lib/respondent/drafts";
import { seedDemo } from "@/lib/seed/demo";
import { seedSyntheticFromEnv } from "@/lib/dashboard/synthetic-env";

/** `npm run db:seed`: migrate and load the demo data (idempotent). */
async function main() {
  const db = await getDb();
  const report = await seedDemo(db, { log: (s) => console.log(s) });
  await seedSyntheticFromEnv(db, (s) => console.log(s));
  await purgeExpiredDrafts(db);
  const purged = await purgeContactData(db);
  if (purged) console.log(`Retention: contact data of ${purged} closed request(s) erased.`);
  const booking = await purgeBookingData(db);
  if (booking.contacts || booking.mails) console.log(`Retention: ${booking.contacts} appointment contact(s), ${booking.mails} e-mail content(s) erased.`);
  console.log(`Seeded on ${databaseEngine()}: ${report.territories.map((t) => t.slug).join(", ")}` +
    (report.published.length ? `; published ${report.published.join(", ")}` : ""));
  await closeDb();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
