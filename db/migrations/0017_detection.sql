CREATE TABLE "detection_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"author_id" uuid,
	"idempotency_key" text NOT NULL,
	"note" text NOT NULL,
	"next_step" text,
	"remind_on" date,
	"status_after" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detection_household_identities" (
	"household_id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"ciphertext" text NOT NULL,
	"lookup_hashes" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detection_households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"code" text NOT NULL,
	"people_count" integer,
	"neighbourhood_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "detection_households_people" CHECK ("detection_households"."people_count" is null or "detection_households"."people_count" between 1 and 30)
);
--> statement-breakpoint
CREATE TABLE "detection_interpellation_cases" (
	"interpellation_id" uuid NOT NULL,
	"situation_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"memory_text" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "detection_interpellation_cases_interpellation_id_situation_id_pk" PRIMARY KEY("interpellation_id","situation_id")
);
--> statement-breakpoint
CREATE TABLE "detection_interpellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"institution" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"title" text NOT NULL,
	"introduction" text,
	"sent_on" date,
	"sent_to" text,
	"answer" text,
	"answered_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "detection_options" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"list" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"parent_code" text,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "detection_services" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"instructs_optional_aid" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "detection_situation_formes" (
	"situation_id" uuid NOT NULL,
	"territory_id" uuid NOT NULL,
	"forme" text NOT NULL,
	"reason" text,
	"level" text,
	CONSTRAINT "detection_situation_formes_situation_id_forme_pk" PRIMARY KEY("situation_id","forme")
);
--> statement-breakpoint
CREATE TABLE "detection_situations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"source" text DEFAULT 'form' NOT NULL,
	"review_request_id" uuid,
	"detected_on" date NOT NULL,
	"service_id" uuid NOT NULL,
	"worker_id" uuid,
	"worker_label" text,
	"sector_id" uuid,
	"site_id" uuid,
	"people_concerned" integer,
	"financial" boolean,
	"benefit_code" text,
	"domain" text,
	"actors" text[] DEFAULT '{}'::text[] NOT NULL,
	"intensity" text,
	"caused_by_id" uuid,
	"caused_flag" boolean DEFAULT false NOT NULL,
	"actions" text[] DEFAULT '{}'::text[] NOT NULL,
	"time_minutes" integer,
	"time_class" text,
	"missed_monthly" numeric(10, 2),
	"missed_months" integer,
	"optional_aid_requested" boolean,
	"optional_aid_granted" numeric(10, 2),
	"summary" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolution" text,
	"resolved_on" date,
	"opened_monthly" numeric(10, 2),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "detection_situations_people" CHECK ("detection_situations"."people_concerned" is null or "detection_situations"."people_concerned" between 1 and 30),
	CONSTRAINT "detection_situations_minutes" CHECK ("detection_situations"."time_minutes" is null or "detection_situations"."time_minutes" between 0 and 1440),
	CONSTRAINT "detection_situations_missed" CHECK ("detection_situations"."missed_monthly" is null or "detection_situations"."missed_monthly" between 0 and 100000),
	CONSTRAINT "detection_situations_missed_months" CHECK ("detection_situations"."missed_months" is null or "detection_situations"."missed_months" between 0 and 600),
	CONSTRAINT "detection_situations_granted" CHECK ("detection_situations"."optional_aid_granted" is null or "detection_situations"."optional_aid_granted" between 0 and 100000),
	CONSTRAINT "detection_situations_opened" CHECK ("detection_situations"."opened_monthly" is null or "detection_situations"."opened_monthly" between 0 and 100000)
);
--> statement-breakpoint
ALTER TABLE "detection_follow_ups" ADD CONSTRAINT "detection_follow_ups_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_follow_ups" ADD CONSTRAINT "detection_follow_ups_situation_id_detection_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."detection_situations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_follow_ups" ADD CONSTRAINT "detection_follow_ups_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_household_identities" ADD CONSTRAINT "detection_household_identities_household_id_detection_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."detection_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_household_identities" ADD CONSTRAINT "detection_household_identities_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_households" ADD CONSTRAINT "detection_households_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_households" ADD CONSTRAINT "detection_households_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_households" ADD CONSTRAINT "detection_households_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_interpellation_cases" ADD CONSTRAINT "detection_interpellation_cases_interpellation_id_detection_interpellations_id_fk" FOREIGN KEY ("interpellation_id") REFERENCES "public"."detection_interpellations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_interpellation_cases" ADD CONSTRAINT "detection_interpellation_cases_situation_id_detection_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."detection_situations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_interpellation_cases" ADD CONSTRAINT "detection_interpellation_cases_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_interpellations" ADD CONSTRAINT "detection_interpellations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_interpellations" ADD CONSTRAINT "detection_interpellations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_options" ADD CONSTRAINT "detection_options_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_services" ADD CONSTRAINT "detection_services_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situation_formes" ADD CONSTRAINT "detection_situation_formes_situation_id_detection_situations_id_fk" FOREIGN KEY ("situation_id") REFERENCES "public"."detection_situations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situation_formes" ADD CONSTRAINT "detection_situation_formes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_household_id_detection_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."detection_households"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_review_request_id_callback_requests_id_fk" FOREIGN KEY ("review_request_id") REFERENCES "public"."callback_requests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_service_id_detection_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."detection_services"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_worker_id_users_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_sector_id_neighbourhoods_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_caused_by_id_detection_situations_id_fk" FOREIGN KEY ("caused_by_id") REFERENCES "public"."detection_situations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "detection_situations" ADD CONSTRAINT "detection_situations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "detection_follow_ups_idempotency" ON "detection_follow_ups" USING btree ("territory_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "detection_follow_ups_situation" ON "detection_follow_ups" USING btree ("situation_id","at");--> statement-breakpoint
CREATE INDEX "detection_household_identities_territory" ON "detection_household_identities" USING btree ("territory_id");--> statement-breakpoint
CREATE UNIQUE INDEX "detection_households_territory_code" ON "detection_households" USING btree ("territory_id","code");--> statement-breakpoint
CREATE INDEX "detection_interpellations_territory" ON "detection_interpellations" USING btree ("territory_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "detection_options_territory_list_code" ON "detection_options" USING btree ("territory_id","list","code");--> statement-breakpoint
CREATE UNIQUE INDEX "detection_services_territory_code" ON "detection_services" USING btree ("territory_id","code");--> statement-breakpoint
CREATE INDEX "detection_situation_formes_territory" ON "detection_situation_formes" USING btree ("territory_id","forme");--> statement-breakpoint
CREATE UNIQUE INDEX "detection_situations_idempotency" ON "detection_situations" USING btree ("territory_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "detection_situations_territory_date" ON "detection_situations" USING btree ("territory_id","detected_on");--> statement-breakpoint
CREATE INDEX "detection_situations_territory_updated" ON "detection_situations" USING btree ("territory_id","updated_at");--> statement-breakpoint
CREATE INDEX "detection_situations_household" ON "detection_situations" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "detection_situations_worker_status" ON "detection_situations" USING btree ("territory_id","worker_id","status");