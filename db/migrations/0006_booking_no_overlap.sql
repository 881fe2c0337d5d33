-- No two non-cancelled appointments of one agent may overlap, guaranteed by PostgreSQL itself
-- (drizzle-kit cannot express EXCLUDE). Half-open ranges: back-to-back appointments are allowed.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_agent_no_overlap"
  EXCLUDE USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" NOT IN ('excused', 'revoked'));
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_range_valid" CHECK ("ends_at" > "starts_at");
