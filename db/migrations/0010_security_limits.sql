CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"count" integer NOT NULL,
	"reset_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "appointments" ADD COLUMN "contact_keys" text[];--> statement-breakpoint
CREATE INDEX "rate_limits_reset" ON "rate_limits" USING btree ("reset_at");--> statement-breakpoint
-- Hand-written (drizzle-kit cannot express triggers): any change of password, role, territory or
-- disabling revokes the account's sessions, whichever code (or SQL) makes it.
CREATE FUNCTION users_bump_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR NEW.role IS DISTINCT FROM OLD.role
     OR NEW.territory_id IS DISTINCT FROM OLD.territory_id
     OR NEW.disabled_at IS DISTINCT FROM OLD.disabled_at THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER users_session_version BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_bump_session_version();
