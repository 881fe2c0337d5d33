import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listServices } from "../services";

/**
 * Households and situations in a few INSERT … SELECT statements (deterministic arithmetic on the
 * row number, no randomness): every household has one situation, the rest go to a fifth of them
 * (so about 20 % of households hold two or more), half of those caused by the household's first.
 */
export async function generateSituations(db: Db, territoryId: string, size: { situations: number; households: number }): Promise<number> {
  const SITUATIONS = size.situations;
  const HOUSEHOLDS = size.households;
  const services = await listServices(db, territoryId);
  const [asf, ep] = [services.find((s) => s.code === "asf")!.id, services.find((s) => s.code === "ep")!.id];
  const t0 = performance.now();
  const areas = sql`(select array_agg(id order by code) from neighbourhoods where territory_id = ${territoryId}::uuid)`;
  await db.execute(sql`insert into detection_households (territory_id, code, people_count, neighbourhood_id)
    select ${territoryId}::uuid, 'B-' || g, 1 + g % 6, case when g % 3 = 0 then null else (${areas})[1 + g % greatest(1, cardinality(${areas}))] end
    from generate_series(1, ${HOUSEHOLDS}) g`);
  const benefits = sql`array['rsa','c2s','puma','ame','retraite_reversion','aspa','aides_logement','aah','prime_activite','cheque_energie']`;
  const domains = sql`array['etat_civil_sejour','sante','logement_hebergement','domiciliation','loisirs_vacances']`;
  const actors = sql`array['caf','cpam','carsat','prefecture','departement','ccas','bailleur']`;
  const actions = sql`array['examen_approfondi','information_orientation','appel_service','courrier_service','instruction_asf']`;
  await db.execute(sql`insert into detection_situations (territory_id, household_id, idempotency_key, source, detected_on, service_id, worker_label,
      people_concerned, financial, benefit_code, domain, actors, intensity, caused_flag, actions, time_minutes, missed_monthly, missed_months,
      optional_aid_requested, optional_aid_granted, status, resolution, opened_monthly)
    select ${territoryId}::uuid, h.id, 'bench:' || g, 'import', date '2015-01-01' + (g * 37 % 365),
      case when g % 5 < 2 then ${asf}::uuid else ${ep}::uuid end, 'W' || (g % 14),
      case when g % 17 = 0 then null else 1 + g % 4 end,
      case when g % 23 = 0 then null else g % 10 < 7 end,
      case when g % 10 < 7 and g % 23 <> 0 and g % 29 <> 0 then (${benefits})[1 + g % 10] end,
      case when g % 10 >= 7 and g % 23 <> 0 and g % 11 <> 0 then (${domains})[1 + g % 5] end,
      case when g % 13 = 0 then '{}'::text[] else array[(${actors})[1 + g % 7]] || case when g % 4 = 0 then array[(${actors})[1 + (g / 7) % 7]] else '{}'::text[] end end,
      case when g % 19 = 0 then null when g % 9 = 0 then 'partial' else 'complete' end,
      false,
      array[(${actions})[1 + g % 5]] || case when g % 2 = 0 then array[(${actions})[1 + (g / 5) % 5]] else '{}'::text[] end,
      case when g % 21 = 0 then null else 10 + g % 9 * 10 end,
      case when g % 3 = 0 then 50 + g % 40 * 10 end, case when g % 6 = 0 then 1 + g % 24 end,
      case when g % 5 < 2 then g % 8 <> 0 end, case when g % 5 < 2 and g % 8 <> 0 then 100 + g % 30 * 10 end,
      case when g % 7 = 0 then 'resolved' when g % 7 = 1 then 'in_progress' else 'open' end,
      case when g % 7 = 0 then (array['right_opened','not_resolved','lost','not_non_recours'])[1 + g % 4] end,
      case when g % 7 = 0 and g % 4 = 0 then 80 + g % 50 * 5 end
    from generate_series(1, ${SITUATIONS}) g
    join detection_households h on h.territory_id = ${territoryId}::uuid
      and h.code = 'B-' || case when g <= ${HOUSEHOLDS} then g else 1 + (g * 7919) % greatest(1, ${HOUSEHOLDS} / 5) end`);
  // Half of the extra situations are caused by their household's first one.
  await db.execute(sql`with firsts as (
      select household_id, (array_agg(id order by detected_on, id))[1] as first_id from detection_situations where territory_id = ${territoryId}::uuid group by household_id having count(*) > 1
    )
    update detection_situations s set caused_by_id = f.first_id from firsts f
    where s.territory_id = ${territoryId}::uuid and s.household_id = f.household_id and s.id <> f.first_id and substring(s.idempotency_key from 7)::int % 2 = 0`);
  await db.execute(sql`insert into detection_situation_formes (situation_id, territory_id, forme, reason)
    select id, territory_id, (array['non_connaissance','non_proposition','non_reception','non_demande'])[1 + n % 4],
      (array['manque_information','protection','pieces_manquantes','desaccord'])[1 + n % 4]
    from (select id, territory_id, substring(idempotency_key from 7)::int as n from detection_situations where territory_id = ${territoryId}::uuid) x
    union all
    select id, territory_id, 'abandon', 'abandon_desaccord'
    from (select id, territory_id, substring(idempotency_key from 7)::int as n from detection_situations where territory_id = ${territoryId}::uuid) x where n % 8 = 3`);
  return (performance.now() - t0) / 1000;
}
