import type { T } from "@/lib/i18n/server";
import { territoryBenefitLabels } from "./benefits";
import type { Db } from "@/db/client";
import { DISABILITY_KINDS, HELP_POINT_CATEGORIES } from "./reference";

/** The translated strings and choices the client form needs (it has no translator of its own). */
export async function helpPointFormProps(db: Db, territoryId: string, t: T) {
  const tk = t as unknown as (k: string) => string;
  const keys = ["name", "category", "mission", "missionHint", "addressLegend", "address", "postcode", "city", "lon", "lat", "positionHint",
    "openingHours", "openingHoursHint", "openingNote", "phone", "email", "website", "languages", "languagesHint", "benefitCodes",
    "appointmentUrl", "transitLines", "transitHint", "transitStop", "accessLegend", "stepFree", "accessNote", "acceslibreUrl", "save", "errorSummary"];
  const strings = Object.fromEntries(keys.map((k) => [k, tk(`places.form.${k}`)]));
  const labels = await territoryBenefitLabels(db, territoryId);
  return {
    strings,
    categories: HELP_POINT_CATEGORIES.map((c) => ({ value: c, label: tk(`places.categories.${c}`) })),
    benefits: [...labels.entries()].map(([value, label]) => ({ value, label })),
    kinds: DISABILITY_KINDS.map((k) => ({ value: k, label: tk(`places.disability.${k}`) })),
    levels: ["unknown", "yes", "partial", "no"].map((l) => ({ value: l, label: tk(`places.access.${l}`) })),
  };
}
