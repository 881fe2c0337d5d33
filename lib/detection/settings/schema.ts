import { z } from "zod";
import { safeText } from "@/lib/validation/parsers";
import { OPTION_LISTS } from "../options";

/** The settings forms' inputs. Error messages are keys of `detectionSettings.errors`. */
export const LABEL_MAX = 120;
const label = safeText(LABEL_MAX, { message: "label" }).pipe(z.string().min(1, { error: "label" }));
const code = z.string({ error: "form" }).regex(/^[a-z0-9_]{1,60}$/, { error: "form" });

export const listSchema = z.enum(OPTION_LISTS, { error: "form" });
export const addOptionSchema = z.object({
  label,
  parent: z.preprocess((v) => (v === "" ? undefined : v), code.optional()),
});
export const renameSchema = z.object({ code, label });
export const archiveSchema = z.object({ code, archived: z.enum(["1", "0"], { error: "form" }).transform((v) => v === "1") });

export const addServiceSchema = z.object({ label, instructsOptionalAid: z.literal("on").optional().transform((v) => v === "on") });
