ALTER TABLE "booking_motives" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "booking_motives" ADD COLUMN "instructions_en" text;--> statement-breakpoint
ALTER TABLE "booking_places" ADD COLUMN "access_notes_en" text;