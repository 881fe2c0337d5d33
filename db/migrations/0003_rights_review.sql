CREATE TABLE "benefit_catalogue" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"optional_aid" boolean DEFAULT false NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"benefit_code" text NOT NULL,
	"outcome" text NOT NULL,
	"opened_on" date,
	"monthly_amount" numeric(10, 2),
	"partner" text,
	"note_ciphertext" text,
	"agent_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "benefit_catalogue" ADD CONSTRAINT "benefit_catalogue_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_outcomes" ADD CONSTRAINT "review_outcomes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_outcomes" ADD CONSTRAINT "review_outcomes_request_id_callback_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."callback_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_outcomes" ADD CONSTRAINT "review_outcomes_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_catalogue_territory_code" ON "benefit_catalogue" USING btree ("territory_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "review_outcomes_request_benefit" ON "review_outcomes" USING btree ("request_id","benefit_code");--> statement-breakpoint
CREATE INDEX "review_outcomes_territory" ON "review_outcomes" USING btree ("territory_id","outcome");