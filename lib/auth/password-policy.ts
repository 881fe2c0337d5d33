import { z } from "zod";

/** The password rules of every staff account (set by invitation): 12 to 200 characters, confirmed. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

export const newPasswordSchema = z.object({
  password: z.string().min(PASSWORD_MIN, { error: "too_short" }).max(PASSWORD_MAX, { error: "too_long" }),
  confirm: z.string().max(PASSWORD_MAX, { error: "mismatch" }),
}).refine((v) => v.password === v.confirm, { error: "mismatch", path: ["confirm"] });
