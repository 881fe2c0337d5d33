import { plainError, seeOther } from "@/lib/http/form";
import { parseSection, readerFromFormData } from "@/lib/questionnaire/form-fields";
import { resolveVisibility, sectionPosition } from "@/lib/questionnaire/flow";
import { validateSection } from "@/lib/questionnaire/validate";
import { engineFor } from "@/lib/respondent/context";
import { issueResumeCode, saveAnswers, saveFlash } from "@/lib/respondent/drafts";
import { respondentHandler } from "@/lib/respondent/handler";
import { allowedFieldNames, postedFieldValues } from "@/lib/respondent/section-fields";
import { receiptCookieSeconds, RECEIPT_COOKIE, RESUME_COOKIE, setFlowCookie, territoryPath } from "@/lib/respondent/session-cookies";

const INTENTS = ["next", "back", "save"] as const;

/**
 * One section posted (JavaScript or not). "next" validates and moves on, or stores the posted
 * values and errors and shows the section again; "back" and "save" keep what is valid.
 */
export const POST = respondentHandler(async ({ request, db, territory, draft, form }) => {
  const base = territoryPath(territory.slug);
  if (!draft) return seeOther(request, `${base}?session=expiree`);
  if (draft.submittedResponseId) {
    const id = draft.submittedResponseId;
    return seeOther(request, `${base}/merci`, { cookies: (res) => setFlowCookie(res, territory.slug, RECEIPT_COOKIE, id, receiptCookieSeconds(draft.mode)) });
  }
  const intent = (form.get("intent") ?? "next") as (typeof INTENTS)[number];
  if (!INTENTS.includes(intent)) return plainError(400, "Action inconnue.");
  const { flow, ctx } = await engineFor(db, territory.id, draft);
  const sectionId = form.get("section") ?? "";
  const visible = resolveVisibility(flow, draft.answers);
  const section = visible.sections.find((s) => s.id === sectionId);
  if (!section) return plainError(404, "Partie du questionnaire inconnue.");

  const allowed = allowedFieldNames(flow, section, draft.answers);
  const unknown = [...form.keys()].find((k) => (k.startsWith("q__") || k.startsWith("pn__")) && !allowed.has(k));
  if (unknown) return plainError(400, "Question inconnue dans le formulaire.");

  const posted = parseSection(flow, section, readerFromFormData(form as unknown as FormData), draft.answers);
  const { answers, errors } = validateSection(flow, section, draft.answers, posted, ctx);
  const position = sectionPosition(resolveVisibility(flow, answers).sections, section.id);

  // Opened with "Modifier" from the review: back to the review once valid (the review page itself
  // sends the person to any section that became visible and is still unanswered).
  const toReview = form.get("retour") === "verifier";
  if (intent === "next") {
    if (errors.length) {
      await saveFlash(db, draft, { section: section.id, values: postedFieldValues(form), errors });
      return seeOther(request, `${base}/q/${section.id}${toReview ? "?retour=verifier" : ""}#erreurs`);
    }
    const next = toReview ? "verifier" : position.next ?? "verifier";
    await saveAnswers(db, draft, answers, next);
    return seeOther(request, next === "verifier" ? `${base}/verifier` : `${base}/q/${next}`);
  }

  // Back or save: keep the valid answers of this section, drop the invalid ones silently.
  const invalid = new Set(errors.map((e) => e.field.split("__")[1]));
  const kept = Object.fromEntries(Object.entries(answers).filter(([id]) => !invalid.has(id) || !(id in posted)));
  for (const id of invalid) if (id in posted && id in draft.answers) kept[id] = draft.answers[id];
  await saveAnswers(db, draft, kept, draft.currentSection ?? section.id);
  if (intent === "back") {
    return seeOther(request, position.previous ? `${base}/q/${position.previous}` : base);
  }
  const code = await issueResumeCode(db, draft);
  return seeOther(request, `${base}/sauvegarde`, {
    cookies: (res) => setFlowCookie(res, territory.slug, RESUME_COOKIE, code, 600),
  });
});
