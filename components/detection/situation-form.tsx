"use client";

import { useActionState, useEffect, useRef } from "react";
import { fieldAccessors } from "@/components/ui/field-kit";
import { focusSummary } from "@/components/ui/focus-summary";
import type { SituationFormState } from "@/lib/detection/form-actions";
import type { FormValues } from "@/lib/detection/situation-schema";
import type { Choice, ChoiceGroup, SituationFormOptions } from "@/lib/detection/form-types";

/**
 * The recording (or edit) form of a situation. A server action with useActionState: without
 * JavaScript the browser posts it and the server renders the returned messages. The form is
 * re-keyed on every answer so that a refused form shows back what was typed.
 */
export function SituationForm({ action, strings: s, options: o, hidden, household, initial }: {
  action: (prev: SituationFormState, form: FormData) => Promise<SituationFormState>;
  strings: Record<string, string>;
  options: SituationFormOptions;
  hidden: Record<string, string>;
  /** An existing household (its code), or null: the form asks for a new household's details. */
  household: string | null;
  initial: FormValues;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: initial, n: 0 });
  const v = state.values;
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) focusSummary(summaryRef.current);
  }, [state]);
  const { one, many, err, aria } = fieldAccessors(state.errors, v);
  const select = (name: string, label: string, choices: Choice[] | ChoiceGroup[], opts: { empty?: string; hint?: string; required?: boolean } = {}) => (
    <div className="question">
      <label className="label" htmlFor={name}>{label}</label>
      {opts.hint && <p className="hint" id={`hint-${name}`}>{opts.hint}</p>}
      {err(name)}
      <select id={name} name={name} defaultValue={one(name)} required={opts.required} {...aria(name, opts.hint && `hint-${name}`)}>
        {opts.empty !== undefined && <option value="">{opts.empty}</option>}
        {choices.map((c) => ("choices" in c
          ? <optgroup key={c.label} label={c.label}>{c.choices.map((x) => <option key={x.value} value={x.value}>{x.label}</option>)}</optgroup>
          : <option key={c.value} value={c.value}>{c.label}</option>))}
      </select>
    </div>
  );
  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>, hint?: string) => (
    <div className="question">
      <label className="label" htmlFor={name}>{label}</label>
      {hint && <p className="hint" id={`hint-${name}`}>{hint}</p>}
      {err(name)}
      <input id={name} name={name} defaultValue={one(name)} {...props} {...aria(name, hint && `hint-${name}`)} />
    </div>
  );
  /** Checkboxes (several answers) or radios (one) under a legend; a group gets no aria-invalid, its message is described. */
  const group = (type: "checkbox" | "radio", name: string, legend: string, choices: Choice[]) => (
    <fieldset className="question" aria-describedby={state.errors[name] ? `err-${name}` : undefined}>
      <legend>{legend}</legend>
      {err(name)}
      <div className="inline-choices">
        {choices.map((c) => (
          <label key={c.value} className="choice" htmlFor={`${name}-${c.value}`}>
            <input id={`${name}-${c.value}`} type={type} name={name} value={c.value}
              defaultChecked={type === "radio" ? one(name) === c.value : many(name).includes(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
  const yesNo = [{ value: "yes", label: s.yes }, { value: "no", label: s.no }];
  const fields = Object.keys(state.errors);
  return (
    <form action={formAction} noValidate key={state.n} data-testid="situation-form">
      {fields.length > 0 && (
        <div className="error-summary" role="alert" id="erreurs" tabIndex={-1} ref={summaryRef}>
          <h2>{s.errorSummary}</h2>
          <ul>{fields.map((f) => <li key={f}><a href={f === "form" ? "#erreurs" : `#${f}`}>{state.errors[f]}</a></li>)}</ul>
        </div>
      )}
      {Object.entries(hidden).map(([k, val]) => <input key={k} type="hidden" name={k} value={val} />)}

      <fieldset className="card">
        <legend>{s.household}</legend>
        {household ? (
          <p data-testid="form-household">{s.householdExisting} <strong>{household}</strong><input type="hidden" name="householdCode" value={household} /></p>
        ) : (
          <>
            <p className="hint">{s.householdNew}</p>
            {err("householdCode")}
            {input("peopleCount", s.peopleCount, { type: "number", min: 1, max: 30, inputMode: "numeric" })}
            {select("neighbourhoodId", s.neighbourhood, o.neighbourhoods, { empty: s.notGiven, hint: s.neighbourhoodHint })}
          </>
        )}
      </fieldset>

      <fieldset className="card">
        <legend>{s.detection}</legend>
        {input("detectedOn", s.detectedOn, { type: "date", required: true })}
        {select("serviceId", s.service, o.services, { required: true })}
        {select("sectorId", s.sector, o.sectors, { empty: s.notGiven })}
        {o.sites.length > 0 && select("siteId", s.site, o.sites, { empty: s.notGiven })}
      </fieldset>

      <fieldset className="card">
        <legend>{s.object}</legend>
        {input("peopleConcerned", s.peopleConcerned, { type: "number", min: 1, max: 30, inputMode: "numeric" }, s.peopleConcernedHint)}
        {group("radio", "financial", s.financial, yesNo)}
        {select("benefitCode", s.benefit, o.benefits, { empty: s.notGiven, hint: s.benefitHint })}
        {select("domain", s.domain, o.domains, { empty: s.notGiven, hint: s.domainHint })}
        {group("checkbox", "actors", s.actors, o.actors)}
      </fieldset>

      <fieldset className="card" aria-describedby={state.errors.formes ? "err-formes" : undefined}>
        <legend>{s.formes}</legend>
        <p className="hint">{s.formesHint}</p>
        {err("formes")}
        {o.formes.map((f) => (
          <div key={f.value} className="question">
            <label className="choice" htmlFor={`formes-${f.value}`}>
              <input id={`formes-${f.value}`} type="checkbox" name="formes" value={f.value} defaultChecked={many("formes").includes(f.value)} />
              <span><strong>{f.label}</strong></span>
            </label>
            {select(`reason_${f.value}`, `${s.reason} (${f.label})`, f.reasons, { empty: "—" })}
            {select(`level_${f.value}`, `${s.level} (${f.label})`, o.levels, { empty: s.notGiven })}
          </div>
        ))}
      </fieldset>

      <fieldset className="card">
        <legend>{s.nature}</legend>
        {group("radio", "intensity", s.intensity, [{ value: "complete", label: s.complete }, { value: "partial", label: s.partial }])}
        {o.causes.length > 0 && select("causedById", s.causedBy, o.causes, { empty: s.causedByNone })}
      </fieldset>

      <fieldset className="card">
        <legend>{s.response}</legend>
        {group("checkbox", "actions", s.actions, o.actions)}
        {input("timeMinutes", s.timeMinutes, { type: "number", min: 0, max: 1440, inputMode: "numeric" })}
        {input("missedMonthly", s.missedMonthly, { type: "text", inputMode: "decimal", maxLength: 12 }, s.missedHint)}
        {input("missedMonths", s.missedMonths, { type: "number", min: 0, max: 600, inputMode: "numeric" })}
        {select("optionalAidRequested", s.optionalAidRequested, yesNo, { empty: s.notGiven, hint: s.optionalAidHint })}
        {input("optionalAidGranted", s.optionalAidGranted, { type: "text", inputMode: "decimal", maxLength: 12 })}
      </fieldset>

      <div className="question">
        <label className="label" htmlFor="summary">{s.summary}</label>
        <p className="hint" id="hint-summary">{s.summaryHint}</p>
        {err("summary")}
        <textarea id="summary" name="summary" maxLength={1200} rows={4} defaultValue={one("summary")} {...aria("summary", "hint-summary")} />
      </div>
      <button className="button" type="submit" disabled={pending}>{s.submit}</button>
    </form>
  );
}
