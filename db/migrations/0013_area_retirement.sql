ALTER TABLE "neighbourhood_levels" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "neighbourhoods" ADD COLUMN "retired_at" timestamp with time zone;