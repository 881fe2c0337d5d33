"use server";

import { addAbsence, addOpeningSlot, remove, saveMotive, savePlace, type SettingsState } from "@/lib/booking/settings/actions";
import { checkedFormData } from "@/lib/validation/parsers";

/**
 * Server actions of the booking settings forms (plain form posts without JavaScript). Bound
 * arguments are only hints: each body re-checks permission, territory and ids on the server.
 */
const slugOf = (slug: unknown) => (typeof slug === "string" && slug ? slug : undefined);
const idOf = (id: unknown) => (typeof id === "string" ? id : "");
/** A forged call may pass anything as the form: refused like a form that holds control characters. */
const REFUSED: SettingsState = { errors: { form: "form" }, values: {} };

export async function savePlaceAction(slug: string | null, id: string | null, _prev: SettingsState, form: FormData) {
  const checked = checkedFormData(form);
  return checked ? savePlace(slugOf(slug), id === null ? null : idOf(id), checked) : REFUSED;
}
export async function saveMotiveAction(slug: string | null, id: string | null, _prev: SettingsState, form: FormData) {
  const checked = checkedFormData(form);
  return checked ? saveMotive(slugOf(slug), id === null ? null : idOf(id), checked) : REFUSED;
}
export async function addOpeningSlotAction(slug: string | null, _prev: SettingsState, form: FormData) {
  const checked = checkedFormData(form);
  return checked ? addOpeningSlot(slugOf(slug), checked) : REFUSED;
}
export async function addAbsenceAction(slug: string | null, _prev: SettingsState, form: FormData) {
  const checked = checkedFormData(form);
  return checked ? addAbsence(slugOf(slug), checked) : REFUSED;
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
