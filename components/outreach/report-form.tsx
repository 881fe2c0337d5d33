"use client";

import { useActionState, useEffect, useRef } from "react";
import { focusSummary } from "@/components/ui/focus-summary";
import type { FormState } from "@/lib/outreach/form-actions";
import { ErrorSummary, fieldKit } from "./fields";

/** The report of an action (counts, guides by benefit, lessons); works without JavaScript. */
export function ReportForm({ action, s, benefits, initial, recorded }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  s: Record<string, string>;
  benefits: { code: string; name: string }[];
  initial: Record<string, string>;
  /** The line on questionnaires actually recorded at the site that day (already formatted). */
  recorded: string;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: initial, n: 0 });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (Object.keys(state.errors).length) focusSummary(ref.current); }, [state]);
  const f = fieldKit(state.errors, state.values);
  const num = { type: "number", min: 0, max: 10000, step: 1, inputMode: "numeric" } as const;
  return (
    <form action={formAction} noValidate key={state.n} data-testid="report-form">
      <ErrorSummary title={s.errorSummary} errors={state.errors} summaryRef={ref} />
      {f.input("peopleMet", s.peopleMet, num)}
      {f.input("potentialNonRecours", s.potentialNonRecours, num)}
      {f.input("orientations", s.orientations, num)}
      {f.input("questionnairesCollected", s.questionnairesCollected, num, recorded)}
      <fieldset className="question">
        <legend>{s.guidesTitle}</legend>
        <div className="inline-choices">
          {benefits.map((b) => <div key={b.code}>{f.input(`guide_${b.code}`, b.name, num)}</div>)}
        </div>
      </fieldset>
      <div className="question">
        <label className="label" htmlFor="lessons">{s.lessons}</label>
        {f.err("lessons")}
        <textarea id="lessons" name="lessons" maxLength={2000} defaultValue={f.one("lessons")} {...f.aria("lessons")} />
      </div>
      <button className="button" type="submit" disabled={pending}>{s.saveReport}</button>
    </form>
  );
}
