import type { T } from "@/lib/i18n/server";

const DONE = ["cree", "modifie", "archive", "supprime"] as const;

/** The status line after a change (?fait=… of the redirect); anything else shows nothing. */
export function doneMessage(t: T, fait: string | undefined) {
  return DONE.find((d) => d === fait) ? t(`bookingSettings.done.${fait as (typeof DONE)[number]}`) : undefined;
}
