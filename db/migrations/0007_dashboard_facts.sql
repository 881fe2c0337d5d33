CREATE TABLE "dashboard_facts" (
	"response_id" uuid PRIMARY KEY NOT NULL,
	"territory_id" uuid NOT NULL,
	"neighbourhood_id" uuid,
	"site_id" uuid,
	"mode" text NOT NULL,
	"synthetic" boolean NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"sex" text,
	"household" text,
	"birth_year" integer,
	"grid_answered" integer DEFAULT 0 NOT NULL,
	"known" integer DEFAULT 0 NOT NULL,
	"not_received" integer DEFAULT 0 NOT NULL,
	"formes" bigint DEFAULT 0 NOT NULL,
	"raisons" integer[] DEFAULT '{}' NOT NULL,
	"difficulties" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD CONSTRAINT "dashboard_facts_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD CONSTRAINT "dashboard_facts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD CONSTRAINT "dashboard_facts_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD CONSTRAINT "dashboard_facts_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dashboard_facts_territory" ON "dashboard_facts" USING btree ("territory_id","submitted_at");