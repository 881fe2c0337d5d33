CREATE TABLE "module_drafts" (
	"territory_id" uuid PRIMARY KEY NOT NULL,
	"definition" jsonb,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"file_name" text NOT NULL,
	"form_version" text,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "module_drafts" ADD CONSTRAINT "module_drafts_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;