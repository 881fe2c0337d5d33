import { notFound, redirect } from "next/navigation";
import type { z } from "zod";
import { createAbsence, deleteAbsence } from "./absences";
import { checkedId, settingsContext } from "./context";
import { fieldErrors } from "@/lib/http/field-errors";
import { echo, type FormLike } from "./form-input";
import { archiveMotive, createMotive, updateMotive } from "./motives";
import { createOpeningSlot, deleteOpeningSlot } from "./opening-slots";
import { archivePlace, createPlace, updatePlace } from "./places";
import type { WriteResult } from "./result";
import {
  ABSENCE_FIELDS, absenceInput, absenceSchema, MOTIVE_FIELDS, motiveInput, motiveSchema, OPENING_SLOT_FIELDS, OPENING_SLOT_LISTS,
  openingSlotInput, openingSlotSchema, PLACE_FIELDS, placeInput, placeSchema,
} from "./schemas";

/** What a settings form shows after a refused post: errors by field and the values typed. */
export type SettingsState = { errors: Record<string, string>; values: Record<string, string | string[]>; nonce?: number };

type Ctx = Awaited<ReturnType<typeof settingsContext>>;

/**
 * The shared shape of a form action: permission and territory first, then zod, then the write;
 * on success post/redirect/get to `done`, on error the form again with its values (nothing stored).
 */
async function submit<S extends z.ZodType>(
  slug: string | undefined, form: FormLike, schema: S, input: (f: FormLike) => unknown, fields: string[], lists: string[],
  write: (ctx: Ctx, data: z.output<S>) => Promise<WriteResult>, done: (ctx: Ctx) => string,
): Promise<SettingsState> {
  const ctx = await settingsContext(slug);
  const values = echo(form, fields, lists);
  const parsed = schema.safeParse(input(form));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values, nonce: Date.now() };
  const result = await write(ctx, parsed.data);
  if (!result.ok) {
    if (result.errors.form === "not_found") notFound();
    return { errors: result.errors, values, nonce: Date.now() };
  }
  redirect(done(ctx));
}

export async function savePlace(slug: string | undefined, id: string | null, form: FormLike) {
  const placeId = id === null ? null : checkedId(id);
  return submit(slug, form, placeSchema, placeInput, PLACE_FIELDS, [],
    (c, data) => (placeId ? updatePlace(c.db, c.territory.id, c.actor, placeId, data) : createPlace(c.db, c.territory.id, c.actor, data)),
    (c) => c.href("/lieux", { fait: placeId ? "modifie" : "cree" }));
}

export async function saveMotive(slug: string | undefined, id: string | null, form: FormLike) {
  const motiveId = id === null ? null : checkedId(id);
  return submit(slug, form, motiveSchema, motiveInput, MOTIVE_FIELDS, [],
    (c, data) => (motiveId ? updateMotive(c.db, c.territory.id, c.actor, motiveId, data) : createMotive(c.db, c.territory.id, c.actor, data)),
    (c) => c.href("/motifs", { fait: motiveId ? "modifie" : "cree" }));
}

export async function addOpeningSlot(slug: string | undefined, form: FormLike) {
  return submit(slug, form, openingSlotSchema, openingSlotInput, OPENING_SLOT_FIELDS, OPENING_SLOT_LISTS,
    (c, data) => createOpeningSlot(c.db, c.territory.id, c.actor, data), (c) => c.href("/plages", { fait: "cree" }));
}

export async function addAbsence(slug: string | undefined, form: FormLike) {
  return submit(slug, form, absenceSchema, absenceInput, ABSENCE_FIELDS, [],
    (c, data) => createAbsence(c.db, c.territory.id, c.actor, data), (c) => c.href("/absences", { fait: "cree" }));
}

const REMOVERS = {
  place: { run: archivePlace, sub: "/lieux", done: "archive" },
  motive: { run: archiveMotive, sub: "/motifs", done: "archive" },
  slot: { run: deleteOpeningSlot, sub: "/plages", done: "supprime" },
  absence: { run: deleteAbsence, sub: "/absences", done: "supprime" },
} as const;

/** Archive a place or motive, delete an opening slot or absence; another territory's id → 404. */
export async function remove(kind: keyof typeof REMOVERS, slug: string | undefined, id: string) {
  const ctx = await settingsContext(slug);
  const r = REMOVERS[kind];
  if (!(await r.run(ctx.db, ctx.territory.id, ctx.actor, checkedId(id)))) notFound();
  redirect(ctx.href(r.sub, { fait: r.done }));
}
