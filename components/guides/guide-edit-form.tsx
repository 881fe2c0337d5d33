"use client";

import { useActionState, useEffect, useRef } from "react";
import { fieldAccessors } from "@/components/ui/field-kit";
import { focusSummary } from "@/components/ui/focus-summary";
import type { GuideFormValues } from "@/lib/guides/guide-form";
import type { GuideEditState } from "@/lib/guides/staff-actions";

type Choice = { value: string; label: string };

/**
 * The lead's edit form of a sheet: a server action with useActionState, so that without
 * JavaScript the browser posts it and the server renders the messages; re-keyed on every answer
 * so that a refused form shows back what was typed. Lists are one item per line.
 */
export function GuideEditForm({ action, strings: s, initial, choices }: {
  action: (prev: GuideEditState, form: FormData) => Promise<GuideEditState>;
  strings: Record<string, string>;
  initial: GuideFormValues;
  choices: { organisms: Choice[]; audiences: Choice[]; lifeMoments: Choice[] };
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: null, n: 0 });
  const v = state.values ?? initial;
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) focusSummary(summaryRef.current);
  }, [state]);
  const { one, many, err, aria } = fieldAccessors(state.errors, v);
  const text = (name: string, opts: { rows?: number; hint?: string; type?: string } = {}) => (
    <div className="question">
      <label className="label" htmlFor={name}>{s[`f.${name}`]}</label>
      {opts.hint && <p className="hint" id={`hint-${name}`}>{opts.hint}</p>}
      {err(name)}
      {opts.rows
        ? <textarea id={name} name={name} rows={opts.rows} defaultValue={one(name)} {...aria(name, opts.hint && `hint-${name}`)} />
        : <input id={name} name={name} type={opts.type ?? "text"} defaultValue={one(name)} {...aria(name, opts.hint && `hint-${name}`)} />}
    </div>
  );
  const boxes = (name: "organisms" | "audiences" | "lifeMoments") => (
    <fieldset className="question" id={name} tabIndex={-1} aria-describedby={state.errors[name] ? `err-${name}` : undefined}>
      <legend>{s[`f.${name}`]}</legend>
      {err(name)}
      <div className="checks">
        {choices[name].map((c) => (
          <label key={c.value} htmlFor={`${name}-${c.value}`}>
            <input id={`${name}-${c.value}`} type="checkbox" name={name} value={c.value} defaultChecked={many(name).includes(c.value)} /> {c.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
  const fields = Object.keys(state.errors);
  return (
    <form action={formAction} noValidate key={state.n} className="guide-edit" data-testid="guide-form">
      {fields.length > 0 && (
        <div className="error-summary" role="alert" id="erreurs" tabIndex={-1} ref={summaryRef}>
          <h2>{s.errorSummary}</h2>
          <ul>{fields.map((f) => <li key={f}><a href={f === "form" ? "#erreurs" : `#${f}`}>{state.errors[f]}</a></li>)}</ul>
        </div>
      )}
      <input type="hidden" name="baseVersion" value={one("baseVersion")} />
      <p className="hint">{s["hint.en"]}</p>
      {text("title_fr")}
      {text("title_en")}
      {text("whatItIs_fr", { rows: 3 })}
      {text("whatItIs_en", { rows: 3 })}
      {boxes("organisms")}
      {text("whoPays_fr", { rows: 2 })}
      {text("whoPays_en", { rows: 2 })}
      {boxes("audiences")}
      {boxes("lifeMoments")}
      {text("checklist", { rows: 6, hint: s["hint.checklist"] })}
      {text("documents", { rows: 6, hint: s["hint.documents"] })}
      {text("steps", { rows: 5, hint: s["hint.steps"] })}
      {text("form_number", { hint: s["hint.form_number"] })}
      {text("form_label_fr")}
      {text("form_label_en")}
      {text("where_fr", { rows: 2 })}
      {text("where_en", { rows: 2 })}
      <fieldset className="question">
        <legend>{s.amountTitle}</legend>
        <p className="hint">{s["hint.amount"]}</p>
        {text("amount_fr", { rows: 2 })}
        {text("amount_en", { rows: 2 })}
        {text("amount_asOf", { hint: s["hint.date"] })}
        {text("amount_source")}
      </fieldset>
      {text("lastCheckedOn", { hint: s["hint.date"] })}
      {text("note")}
      <button className="button" type="submit" disabled={pending}>{s.save}</button>
    </form>
  );
}
