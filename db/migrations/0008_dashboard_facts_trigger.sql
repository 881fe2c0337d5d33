-- Committee dashboards: dashboard_facts is written by the database only. After every statement
-- that inserts answer rows, the facts of the responses it touched are rebuilt from all their
-- answer rows (so several statements for one response still give one exact row).
-- The dictionaries below are lib/dashboard/indicators.ts's BENEFIT_CODES, FORMES, RAISONS and
-- DIFFICULTIES, in the same order (append only; lib/dashboard/facts-dictionary.test.ts checks).
CREATE FUNCTION dashboard_facts_rows(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  WITH d AS (
    SELECT ARRAY['rsa', 'prime_activite', 'c2s', 'aides_logement', 'aspa', 'aah', 'allocations_familiales', 'cheque_energie', 'retraite_reversion'] AS b,
      ARRAY['non_connaissance', 'non_demande', 'non_reception', 'non_proposition'] AS f,
      ARRAY['manque_information', 'information_mal_comprise', 'calcul_cout_avantage', 'desaccord', 'attente_autre_aide', 'alternatives', 'civisme', 'manque_capacites', 'oubli', 'negligence', 'lenteur_administrative', 'erreur_administrative', 'pieces_manquantes', 'abandon', 'agent_ne_connait_pas', 'protection', 'discrimination', 'fin_budget'] AS r,
      ARRAY['appointments', 'phone', 'online'] AS k
  ), a AS (
    SELECT a.response_id, a.question_id, a.field, a.value, a.num, a.item = '' AS simple,
      array_position(d.b, a.item) - 1 AS bi, array_position(d.f, a.value) - 1 AS fi, array_position(d.r, a.value) - 1 AS ri,
      array_position(d.k, substr(a.question_id, 12)) - 1 AS ki
    FROM response_answers a, d WHERE a.response_id = ANY(ids)
  )
  INSERT INTO dashboard_facts (response_id, territory_id, neighbourhood_id, site_id, mode, synthetic, submitted_at,
    sex, household, birth_year, grid_answered, known, not_received, formes, raisons, difficulties)
  SELECT r.id, r.territory_id, r.neighbourhood_id, r.site_id, r.mode, r.synthetic, r.submitted_at,
    max(a.value) FILTER (WHERE a.question_id = 'sex' AND a.simple AND a.field = ''),
    max(a.value) FILTER (WHERE a.question_id = 'household_type' AND a.simple AND a.field = ''),
    max(a.num) FILTER (WHERE a.question_id = 'birth_year' AND a.simple AND a.field = '')::int,
    coalesce(bit_or(1 << a.bi) FILTER (WHERE a.question_id = 'benefits' AND a.field = 'known' AND a.value IN ('yes', 'no') AND a.bi IS NOT NULL), 0),
    coalesce(bit_or(1 << a.bi) FILTER (WHERE a.question_id = 'benefits' AND a.field = 'known' AND a.value = 'yes' AND a.bi IS NOT NULL), 0),
    coalesce(bit_or(1 << a.bi) FILTER (WHERE a.question_id = 'benefits' AND a.field = 'received' AND a.value IN ('no', 'dk') AND a.bi IS NOT NULL), 0),
    coalesce(bit_or(1::bigint << (a.bi * 4 + a.fi)) FILTER (WHERE a.question_id = 'why_not' AND a.field = 'forme' AND a.bi IS NOT NULL AND a.fi IS NOT NULL), 0),
    coalesce(array_agg(a.bi * 32 + a.ri) FILTER (WHERE a.question_id = 'why_not' AND a.field = 'raison' AND a.bi IS NOT NULL AND a.ri IS NOT NULL), '{}'),
    coalesce(bit_or(1 << (a.ki * 2 + CASE WHEN a.value = 'yes' THEN 0 ELSE 1 END))
      FILTER (WHERE a.question_id LIKE 'difficulty%' AND a.ki IS NOT NULL AND a.simple AND a.field = '' AND a.value IN ('yes', 'no')), 0)
  FROM responses r JOIN a ON a.response_id = r.id
  GROUP BY r.id
  ON CONFLICT (response_id) DO UPDATE SET
    territory_id = excluded.territory_id, neighbourhood_id = excluded.neighbourhood_id, site_id = excluded.site_id,
    mode = excluded.mode, synthetic = excluded.synthetic, submitted_at = excluded.submitted_at, sex = excluded.sex,
    household = excluded.household, birth_year = excluded.birth_year, grid_answered = excluded.grid_answered,
    known = excluded.known, not_received = excluded.not_received, formes = excluded.formes, raisons = excluded.raisons,
    difficulties = excluded.difficulties;
$$;
--> statement-breakpoint
CREATE FUNCTION dashboard_facts_after_answers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM dashboard_facts_rows(ARRAY(SELECT DISTINCT response_id FROM new_rows));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER response_answers_dashboard_facts AFTER INSERT ON response_answers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dashboard_facts_after_answers();
--> statement-breakpoint
-- Existing responses.
SELECT dashboard_facts_rows(ARRAY(SELECT id FROM responses));
