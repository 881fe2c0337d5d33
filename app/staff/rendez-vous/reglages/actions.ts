"use server";

import { addAbsence, addOpeningSlot, remove, saveMotive, savePlace, type SettingsState } from "@/lib/booking/settings/actions";

/**
 * Server actions of the booking settings forms (plain form posts without JavaScript). Bound
 * arguments are only hints: each body re-checks permission, territory and ids on the server.
 */
const slugOf = (slug: unknown) => (typeof slug === "string" && slug ? slug : undefined);
const idOf = (id: unknown) => (typeof id === "string" ? id : "");

export async function savePlaceAction(slug: string | null, id: string | null, _prev: SettingsState, form: FormData) {
  return savePlace(slugOf(slug), id === null ? null : idOf(id), form);
}
export async function saveMotiveAction(slug: string | null, id: string | null, _prev: SettingsState, form: FormData) {
  return saveMotive(slugOf(slug), id === null ? null : idOf(id), form);
}
export async function addOpeningSlotAction(slug: string | null, _prev: SettingsState, form: FormData) {
  return addOpeningSlot(slugOf(slug), form);
}
export async function addAbsenceAction(slug: string | null, _prev: SettingsState, form: FormData) {
  return addAbsence(slugOf(slug), form);
}
export async function archivePlaceAction(slug: string | null, id: string) {
  await remove("place", slugOf(slug), idOf(id));
}
export async function archiveMotiveAction(slug: string | null, id: string) {
  await remove("motive", slugOf(slug), idOf(id));
}
export async function deleteOpeningSlotAction(slug: string | null, id: string) {
  await remove("slot", slugOf(slug), idOf(id));
}
export async function deleteAbsenceAction(slug: string | null, id: string) {
  await remove("absence", slugOf(slug), idOf(id));
}
