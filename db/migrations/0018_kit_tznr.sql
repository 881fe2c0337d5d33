CREATE TABLE "benefit_guide_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"edited_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"source_key" text NOT NULL,
	"source" text DEFAULT 'local' NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"mission" text,
	"address" text,
	"postcode" text,
	"city" text,
	"lon" double precision,
	"lat" double precision,
	"neighbourhood_id" uuid,
	"opening_hours" text,
	"opening_note" text,
	"phone" text,
	"email" text,
	"website" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"benefit_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"appointment_url" text,
	"booking_motive_id" uuid,
	"transit" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"accessibility" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"acceslibre_url" text,
	"site_id" uuid,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outreach_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"action_type" text NOT NULL,
	"place_type" text NOT NULL,
	"site_id" uuid,
	"place_label" text,
	"neighbourhood_id" uuid,
	"held_on" date NOT NULL,
	"starts_at" text,
	"ends_at" text,
	"audience" text NOT NULL,
	"team" text NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"people_met" integer,
	"potential_non_recours" integer,
	"orientations" integer,
	"questionnaires_collected" integer,
	"guides_handed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lessons" text,
	"reported_by" uuid,
	"reported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callback_requests" ALTER COLUMN "response_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "callback_requests" ADD COLUMN "outreach_action_id" uuid;--> statement-breakpoint
ALTER TABLE "callback_requests" ADD COLUMN "capture_mode" text;--> statement-breakpoint
ALTER TABLE "callback_requests" ADD COLUMN "submission_key" text;--> statement-breakpoint
ALTER TABLE "benefit_guide_versions" ADD CONSTRAINT "benefit_guide_versions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benefit_guide_versions" ADD CONSTRAINT "benefit_guide_versions_edited_by_users_id_fk" FOREIGN KEY ("edited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_booking_motive_id_booking_motives_id_fk" FOREIGN KEY ("booking_motive_id") REFERENCES "public"."booking_motives"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_points" ADD CONSTRAINT "help_points_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_actions" ADD CONSTRAINT "outreach_actions_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_actions" ADD CONSTRAINT "outreach_actions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_actions" ADD CONSTRAINT "outreach_actions_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_actions" ADD CONSTRAINT "outreach_actions_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_actions" ADD CONSTRAINT "outreach_actions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outreach_actions" ADD CONSTRAINT "outreach_actions_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_guide_versions_territory_code_version" ON "benefit_guide_versions" USING btree ("territory_id","code","version");--> statement-breakpoint
CREATE INDEX "benefit_guide_versions_territory" ON "benefit_guide_versions" USING btree ("territory_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "help_points_territory_source_key" ON "help_points" USING btree ("territory_id","source_key");--> statement-breakpoint
CREATE INDEX "help_points_territory_category" ON "help_points" USING btree ("territory_id","category");--> statement-breakpoint
CREATE INDEX "help_points_territory_neighbourhood" ON "help_points" USING btree ("territory_id","neighbourhood_id");--> statement-breakpoint
CREATE INDEX "outreach_actions_territory_status" ON "outreach_actions" USING btree ("territory_id","status","held_on");--> statement-breakpoint
CREATE INDEX "outreach_actions_territory_held_on" ON "outreach_actions" USING btree ("territory_id","held_on");--> statement-breakpoint
ALTER TABLE "callback_requests" ADD CONSTRAINT "callback_requests_outreach_action_id_outreach_actions_id_fk" FOREIGN KEY ("outreach_action_id") REFERENCES "public"."outreach_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "callback_requests_submission_key" ON "callback_requests" USING btree ("territory_id","submission_key");--> statement-breakpoint
CREATE INDEX "callback_requests_outreach_action" ON "callback_requests" USING btree ("outreach_action_id");