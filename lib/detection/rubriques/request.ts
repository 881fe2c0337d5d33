import type { Db } from "@/db/client";
import type { StaffUser } from "@/lib/auth/authenticate";
import { can } from "@/lib/auth/permissions";
import { HttpError } from "@/lib/auth/session";
import { staffTerritoryApi } from "@/lib/auth/staff-territory";
import type { Locale } from "@/lib/i18n/locale";
import { parseRubriquesFilters, type RubriquesFilters } from "./filters";
import { loadRubriques, rubriquesAudience, RUBRIQUES_ERRORS } from "./load";
import type { Rubriques } from "./types";
import { rubriquesWords } from "./words";


/**
 * What every rubriques route handler does after authentication: permission (403), territory
 * (another one → 404), filters (bad input → 400 in French), then the reader's rubriques.
 * Takes the signed-in user so that it can be tested without a session.
 */
export async function rubriquesForUser(
  db: Db, user: StaffUser, params: URLSearchParams, locale: Locale,
): Promise<{ territory: { id: string; slug: string; name: string }; filters: RubriquesFilters; rubriques: Rubriques }> {
  if (!can(user, "detection:analyse")) throw new HttpError(403, "Accès refusé.");
  const territory = await staffTerritoryApi(db, user, params.get("t") ?? undefined);
  const parsed = parseRubriquesFilters(params);
  if (!parsed.ok) throw new HttpError(400, parsed.errors.join(" "));
  const loaded = await loadRubriques(db, territory, parsed.filters, rubriquesAudience(user, parsed.filters), rubriquesWords(locale));
  if (!loaded.ok) throw new HttpError(400, RUBRIQUES_ERRORS[loaded.error]);
  return { territory, filters: parsed.filters, rubriques: loaded.rubriques };
}
