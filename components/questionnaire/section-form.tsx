"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { isAnswered, referencedQuestions } from "@/lib/questionnaire/conditions";
import { cascadeItems, resolveVisibility, type Flow } from "@/lib/questionnaire/flow";
import { parseSection, readerFromValues } from "@/lib/questionnaire/form-fields";
import { validateSection, type FieldError } from "@/lib/questionnaire/validate";
import { focusSummary } from "@/components/ui/focus-summary";
import { localize } from "@/lib/i18n/locale";
import { QuestionField, type RenderState } from "./question-field";
import type { SectionFormProps } from "./types";

type Values = Record<string, string | string[]>;

function formatError(template: string, params?: Record<string, number>) {
  return template.replace(/\{(\w+)\}/g, (_, k) => String(params?.[k] ?? ""));
}

/**
 * One section of the questionnaire. Server-rendered as a plain form that posts without
 * JavaScript; once hydrated, react-hook-form validates with the very same engine as the
 * server and shows or hides questions as answers change.
 */
export function SectionForm(props: SectionFormProps) {
  const { section, extraQuestions, priorAnswers, strings, neighbourhoods } = props;
  const flow: Flow = useMemo(() => {
    const questions = new Map([...extraQuestions, ...section.questions].map((q) => [q.id, q]));
    return { sections: [section], questions, partial: true };
  }, [section, extraQuestions]);
  const ctx = useMemo(() => ({ neighbourhoodCodes: neighbourhoods.map((n) => n.code), now: new Date() }), [neighbourhoods]);

  const toRhfErrors = (errors: FieldError[]): FieldErrors<Values> =>
    Object.fromEntries(errors.map((e) => [e.field, { type: e.key, message: e.message ? localize(e.message, props.locale) : formatError(strings.errors[e.key], e.params) }]));

  const resolver: Resolver<Values> = async (values) => {
    const posted = parseSection(flow, section, readerFromValues(values), priorAnswers);
    const { errors } = validateSection(flow, section, priorAnswers, posted, ctx);
    return errors.length ? { values: {}, errors: toRhfErrors(errors) } : { values, errors: {} };
  };

  const serverErrors = useMemo(
    () => Object.fromEntries(props.serverErrors.map((e) => [e.field, { type: "server", message: e.message }])),
    [props.serverErrors],
  );
  const form = useForm<Values>({
    defaultValues: props.defaultValues,
    resolver,
    mode: "onTouched",
    errors: serverErrors,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // A refused post: the summary is where the person looks next (the #erreurs anchor scrolls
  // there without JavaScript; with it, focus follows so that screen readers read it too).
  useEffect(() => {
    if (props.serverErrors.length > 0) focusSummary(summaryRef.current);
  }, [props.serverErrors]);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const values = form.watch();
  const state: RenderState = useMemo(() => {
    const ownIds = new Set(section.questions.map((q) => q.id));
    if (!hydrated) {
      // Without JavaScript (and on the server), a question whose condition depends on this
      // same section cannot react: show it, marked "if this applies to you".
      const vis = resolveVisibility(flow, priorAnswers);
      const shown = new Set(
        section.questions
          .filter((q) => vis.questions.has(q.id) || referencedQuestions(q.showIf).some((r) => ownIds.has(r)))
          .map((q) => q.id),
      );
      return { hydrated, shown, answers: priorAnswers, conditional: shown };
    }
    const posted = parseSection(flow, section, readerFromValues(values), priorAnswers);
    const merged = { ...priorAnswers };
    for (const [k, v] of Object.entries(posted)) if (isAnswered(v)) merged[k] = v;
    const vis = resolveVisibility(flow, merged);
    return { hydrated, shown: vis.questions, answers: merged, conditional: new Set() };
  }, [hydrated, values, flow, section, priorAnswers]);

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value && submitter.value !== "next") return; // back / save: plain post
    event.preventDefault();
    void form.handleSubmit(() => formRef.current?.submit())();
  };

  const errors = form.formState.errors;
  return (
    <form ref={formRef} method="post" action={props.action} noValidate onSubmit={onSubmit} autoComplete="off" data-hydrated={hydrated || undefined}>
      <input type="hidden" name="section" value={section.id} />
      {props.returnToReview && <input type="hidden" name="retour" value="verifier" />}
      {props.serverErrors.length > 0 && !form.formState.isSubmitted && (
        <div className="error-summary" id="erreurs" role="alert" tabIndex={-1} ref={summaryRef}>
          <h2>{strings.errorSummary}</h2>
          <ul>
            {props.serverErrors.map((e) => (
              <li key={e.field}><a href={`#${e.field}`}>{e.label ? `${e.label}${strings.labelSep}${e.message}` : e.message}</a></li>
            ))}
          </ul>
        </div>
      )}
      {section.questions.map((q) =>
        q.type === "cascade" && cascadeItems(flow, q, state.answers).length === 0 ? null : (
          <QuestionField
            key={q.id}
            q={q}
            flow={flow}
            state={state}
            register={form.register}
            values={values}
            errors={errors}
            locale={props.locale}
            strings={strings}
            neighbourhoods={neighbourhoods}
            defaults={props.defaultValues}
          />
        ),
      )}
      <div className="actions row">
        <button className="button" type="submit" name="intent" value="next">
          {props.returnToReview ? strings.backToReview : props.isLast ? strings.toReview : strings.next}
        </button>
        {props.hasPrevious && (
          <button className="button secondary" type="submit" name="intent" value="back" formNoValidate>
            {strings.back}
          </button>
        )}
        {props.allowSave && (
          <button className="button link" type="submit" name="intent" value="save" formNoValidate>
            {strings.save}
          </button>
        )}
      </div>
    </form>
  );
}
