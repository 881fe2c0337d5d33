import { seeOther } from "@/lib/http/form";
import { staffFormHandler } from "@/lib/http/staff-handler";
import { getModuleDraft } from "@/lib/modules/drafts";
import { PREVIEW_COOKIE, previewFlow, previewSections, readPreviewCookie, setPreviewCookie } from "@/lib/modules/preview";
import { moduleRouteContext } from "@/lib/modules/staff-context";
import { parseSection, readerFromFormData } from "@/lib/questionnaire/form-fields";
import { sectionPosition } from "@/lib/questionnaire/flow";
import { validateSection } from "@/lib/questionnaire/validate";
import { latestVersion } from "@/lib/questionnaire/versions";
import { allowedFieldNames, postedFieldValues } from "@/lib/respondent/section-fields";

/**
 * One section of the preview posted (with or without JavaScript): validated by the engine exactly
 * as for a respondent; the answers stay in the browser's preview cookie, nothing is stored.
 */
export const POST = staffFormHandler<Record<string, never>>(async (request, form) => {
  const { db, territory, href } = await moduleRouteContext(request);
  const [draft, common] = await Promise.all([getModuleDraft(db, territory.id), latestVersion(db, null)]);
  if (!draft?.definition || !common) return seeOther(request, href("", { erreur: "brouillon" }));
  const flow = previewFlow(common.definition, draft.definition);
  const cookie = request.headers.get("cookie")?.split(/;\s*/).find((c) => c.startsWith(`${PREVIEW_COOKIE}=`))?.slice(PREVIEW_COOKIE.length + 1);
  const state = readPreviewCookie(cookie);
  const visible = previewSections(flow, state.answers);
  const section = visible.find((s) => s.id === form.get("section"));
  if (!section) return seeOther(request, href());
  const allowed = allowedFieldNames(flow, section, state.answers);
  if ([...form.keys()].some((k) => (k.startsWith("q__") || k.startsWith("pn__")) && !allowed.has(k))) {
    return seeOther(request, href("", { erreur: "formulaire" }));
  }
  const posted = parseSection(flow, section, readerFromFormData(form as unknown as FormData), state.answers);
  const { answers, errors } = validateSection(flow, section, state.answers, posted, { neighbourhoodCodes: [], now: new Date() });
  const position = sectionPosition(previewSections(flow, answers), section.id);
  const intent = form.get("intent") ?? "next";
  if (intent === "back") {
    return seeOther(request, position.previous ? href(`/apercu/${position.previous}`) : href(), {
      cookies: (res) => setPreviewCookie(res, { answers: state.answers }),
    });
  }
  if (errors.length) {
    return seeOther(request, `${href(`/apercu/${section.id}`)}#erreurs`, {
      cookies: (res) => setPreviewCookie(res, { answers: state.answers, flash: { section: section.id, values: postedFieldValues(form), errors } }),
    });
  }
  return seeOther(request, position.next ? href(`/apercu/${position.next}`) : href("", { apercu: "fini" }) + "#brouillon", {
    cookies: (res) => setPreviewCookie(res, position.next ? { answers } : null),
  });
});
