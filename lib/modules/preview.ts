import type { NextResponse } from "next/server";
import type { Answers } from "@/db/schema/responses";
import type { QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { buildFlow, resolveVisibility, type Flow, type FlowSection } from "@/lib/questionnaire/flow";
import type { FieldError } from "@/lib/questionnaire/validate";
import { MODULE_PATH } from "./staff-context";

/**
 * The preview of a draft module: the respondent's own section form, posting to a staff route
 * that validates with the engine and moves on. Nothing about the answers is stored on the
 * server: they travel in a short-lived, http-only cookie of the browser, scoped to the page.
 */
export const PREVIEW_COOKIE = "bm_module_preview";
const MAX_COOKIE = 3600;

export type PreviewState = {
  answers: Answers;
  flash?: { section: string; values: Record<string, string[]>; errors: FieldError[] };
};

export function readPreviewCookie(raw: string | undefined): PreviewState {
  if (!raw) return { answers: {} };
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as PreviewState;
    return parsed && typeof parsed === "object" && parsed.answers && typeof parsed.answers === "object" ? parsed : { answers: {} };
  } catch {
    return { answers: {} };
  }
}

export function encodePreviewState(state: PreviewState): string {
  let encoded = Buffer.from(JSON.stringify(state)).toString("base64url");
  if (encoded.length > MAX_COOKIE && state.flash) {
    encoded = Buffer.from(JSON.stringify({ ...state, flash: { ...state.flash, values: {} } })).toString("base64url");
  }
  if (encoded.length > MAX_COOKIE) {
    // Long free texts are dropped rather than the whole preview.
    const answers = Object.fromEntries(Object.entries(state.answers).filter(([, v]) => typeof v !== "string" || v.length < 100));
    encoded = Buffer.from(JSON.stringify({ answers })).toString("base64url");
  }
  return encoded;
}

export function setPreviewCookie(res: NextResponse, state: PreviewState | null) {
  res.cookies.set(PREVIEW_COOKIE, state ? encodePreviewState(state) : "", {
    httpOnly: true, sameSite: "strict", path: MODULE_PATH,
    secure: process.env.NODE_ENV === "production" && process.env.BAROMETRE_INSECURE_COOKIES !== "1" && (process.env.NEXTAUTH_URL ?? "").startsWith("https:"),
    maxAge: state ? 3600 : 0,
  });
}

/** The common questionnaire followed by the draft; the preview walks the module's sections only. */
export function previewFlow(common: QuestionnaireDefinition, draft: QuestionnaireDefinition): Flow {
  return buildFlow(common, draft);
}

export function previewSections(flow: Flow, answers: Answers): FlowSection[] {
  return resolveVisibility(flow, answers).sections.filter((s) => s.source === "module");
}
