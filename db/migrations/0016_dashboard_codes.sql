CREATE TABLE "dashboard_codes" (
	"territory_id" uuid NOT NULL,
	"dictionary" text NOT NULL,
	"code" text NOT NULL,
	"position" integer GENERATED ALWAYS AS IDENTITY (sequence name "dashboard_codes_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	CONSTRAINT "dashboard_codes_territory_id_dictionary_code_pk" PRIMARY KEY("territory_id","dictionary","code")
);
--> statement-breakpoint
-- Hand-written around drizzle's ALTERs: the facts are rebuilt below, so the old bit masks are dropped.
DELETE FROM "dashboard_facts";--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "grid_answered" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "grid_answered" SET DATA TYPE integer[] USING '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "grid_answered" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "known" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "known" SET DATA TYPE integer[] USING '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "known" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "not_received" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "not_received" SET DATA TYPE integer[] USING '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "not_received" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "formes" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "formes" SET DATA TYPE bigint[] USING '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "formes" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "raisons" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "raisons" SET DATA TYPE bigint[] USING '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ALTER COLUMN "raisons" SET DEFAULT '{}';--> statement-breakpoint
ALTER TABLE "dashboard_facts" ADD COLUMN "choices" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "dashboard_codes" ADD CONSTRAINT "dashboard_codes_territory_id_territories_id_fk" FOREIGN KEY ("territory_id") REFERENCES "public"."territories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Hand-written (drizzle cannot express functions): the facts trigger's function, without the
-- hard-coded dictionaries of 0008. A benefit, forme or raison code, or a simple answer's
-- `question=value` (choice), gets a position in dashboard_codes the first time an answer of its
-- territory uses it; the facts hold positions.
-- Difficulties stay a small bit mask (d × 2 for "yes", d × 2 + 1 for "no").
CREATE OR REPLACE FUNCTION dashboard_facts_rows(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO dashboard_codes (territory_id, dictionary, code)
  SELECT DISTINCT a.territory_id, x.dictionary, x.code
  FROM response_answers a
  CROSS JOIN LATERAL (VALUES
    ('benefit', CASE WHEN a.question_id IN ('benefits', 'why_not') AND a.item <> '' THEN a.item END),
    ('forme', CASE WHEN a.question_id = 'why_not' AND a.item <> '' AND a.field = 'forme' THEN a.value END),
    ('raison', CASE WHEN a.question_id = 'why_not' AND a.item <> '' AND a.field = 'raison' THEN a.value END),
    ('choice', CASE WHEN a.item = '' AND a.field = '' AND a.value IS NOT NULL THEN a.question_id || '=' || a.value END)) AS x(dictionary, code)
  WHERE a.response_id = ANY(ids) AND x.code IS NOT NULL
    -- Only unseen codes: ON CONFLICT alone would draw a position for every answer row.
    AND NOT EXISTS (SELECT 1 FROM dashboard_codes c WHERE c.territory_id = a.territory_id AND c.dictionary = x.dictionary AND c.code = x.code)
  ON CONFLICT DO NOTHING;
  WITH a AS (
    SELECT a.response_id, a.question_id, a.field, a.value, a.num, a.item = '' AS simple,
      b.position AS bi, fo.position AS fi, ra.position AS ri, ch.position AS ci,
      array_position(ARRAY['appointments', 'phone', 'online'], substr(a.question_id, 12)) - 1 AS ki
    FROM response_answers a
    LEFT JOIN dashboard_codes b ON a.item <> '' AND b.territory_id = a.territory_id AND b.dictionary = 'benefit' AND b.code = a.item
    LEFT JOIN dashboard_codes fo ON a.field = 'forme' AND fo.territory_id = a.territory_id AND fo.dictionary = 'forme' AND fo.code = a.value
    LEFT JOIN dashboard_codes ra ON a.field = 'raison' AND ra.territory_id = a.territory_id AND ra.dictionary = 'raison' AND ra.code = a.value
    LEFT JOIN dashboard_codes ch ON a.item = '' AND a.field = '' AND ch.territory_id = a.territory_id AND ch.dictionary = 'choice'
      AND ch.code = a.question_id || '=' || a.value
    WHERE a.response_id = ANY(ids)
  )
  INSERT INTO dashboard_facts (response_id, territory_id, neighbourhood_id, site_id, mode, synthetic, submitted_at,
    sex, household, birth_year, grid_answered, known, not_received, formes, raisons, choices, difficulties)
  SELECT r.id, r.territory_id, r.neighbourhood_id, r.site_id, r.mode, r.synthetic, r.submitted_at,
    max(a.value) FILTER (WHERE a.question_id = 'sex' AND a.simple AND a.field = ''),
    max(a.value) FILTER (WHERE a.question_id = 'household_type' AND a.simple AND a.field = ''),
    max(a.num) FILTER (WHERE a.question_id = 'birth_year' AND a.simple AND a.field = '')::int,
    coalesce(array_agg(DISTINCT a.bi) FILTER (WHERE a.question_id = 'benefits' AND a.field = 'known' AND a.value IN ('yes', 'no') AND a.bi IS NOT NULL), '{}'),
    coalesce(array_agg(DISTINCT a.bi) FILTER (WHERE a.question_id = 'benefits' AND a.field = 'known' AND a.value = 'yes' AND a.bi IS NOT NULL), '{}'),
    coalesce(array_agg(DISTINCT a.bi) FILTER (WHERE a.question_id = 'benefits' AND a.field = 'received' AND a.value IN ('no', 'dk') AND a.bi IS NOT NULL), '{}'),
    coalesce(array_agg(DISTINCT (a.bi::bigint << 32) | a.fi) FILTER (WHERE a.question_id = 'why_not' AND a.field = 'forme' AND a.bi IS NOT NULL AND a.fi IS NOT NULL), '{}'),
    coalesce(array_agg(DISTINCT (a.bi::bigint << 32) | a.ri) FILTER (WHERE a.question_id = 'why_not' AND a.field = 'raison' AND a.bi IS NOT NULL AND a.ri IS NOT NULL), '{}'),
    coalesce(array_agg(DISTINCT a.ci) FILTER (WHERE a.ci IS NOT NULL), '{}'),
    coalesce(bit_or(1 << (a.ki * 2 + CASE WHEN a.value = 'yes' THEN 0 ELSE 1 END))
      FILTER (WHERE a.question_id LIKE 'difficulty%' AND a.ki IS NOT NULL AND a.simple AND a.field = '' AND a.value IN ('yes', 'no')), 0)
  FROM responses r JOIN a ON a.response_id = r.id
  GROUP BY r.id
  ON CONFLICT (response_id) DO UPDATE SET
    territory_id = excluded.territory_id, neighbourhood_id = excluded.neighbourhood_id, site_id = excluded.site_id,
    mode = excluded.mode, synthetic = excluded.synthetic, submitted_at = excluded.submitted_at, sex = excluded.sex,
    household = excluded.household, birth_year = excluded.birth_year, grid_answered = excluded.grid_answered,
    known = excluded.known, not_received = excluded.not_received, formes = excluded.formes, raisons = excluded.raisons,
    choices = excluded.choices, difficulties = excluded.difficulties;
$$;
--> statement-breakpoint
-- Existing responses (their codes get positions on the way).
SELECT dashboard_facts_rows(ARRAY(SELECT id FROM responses));
