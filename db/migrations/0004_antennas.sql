CREATE TABLE "antenna_neighbourhoods" (
	"territory_id" uuid NOT NULL,
	"antenna_id" uuid NOT NULL,
	"neighbourhood_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "antennas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"territory_id" uuid NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callback_requests" ADD COLUMN "antenna_id" uuid;--> statement-breakpoint
ALTER TABLE "antenna_neighbourhoods" ADD CONSTRAINT "antenna_neighbourhoods_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antenna_neighbourhoods" ADD CONSTRAINT "antenna_neighbourhoods_antenna_id_antennas_id_fk" FOREIGN KEY ("antenna_id") REFERENCES "public"."antennas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antenna_neighbourhoods" ADD CONSTRAINT "antenna_neighbourhoods_neighbourhood_id_neighbourhoods_id_fk" FOREIGN KEY ("neighbourhood_id") REFERENCES "public"."neighbourhoods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "antennas" ADD CONSTRAINT "antennas_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "antenna_neighbourhoods_neighbourhood" ON "antenna_neighbourhoods" USING btree ("neighbourhood_id");--> statement-breakpoint
CREATE UNIQUE INDEX "antennas_territory_name" ON "antennas" USING btree ("territory_id","name");--> statement-breakpoint
ALTER TABLE "callback_requests" ADD CONSTRAINT "callback_requests_antenna_id_antennas_id_fk" FOREIGN KEY ("antenna_id") REFERENCES "public"."antennas"("id") ON DELETE set null ON UPDATE no action;