"use client";

import { useActionState, useEffect, useRef } from "react";
import { fieldAccessors } from "@/components/ui/field-kit";
import { focusSummary } from "@/components/ui/focus-summary";
import type { HelpPointFormState } from "@/lib/places/form-actions";

type Choice = { value: string; label: string };

/**
 * Add or edit a help point. A server action with useActionState: a refused form comes back with
 * what was typed and one French message per field (the opening hours' one names the position).
 */
export function HelpPointForm({ action, strings: s, categories, benefits, kinds, levels, initial, formKey }: {
  action: (prev: HelpPointFormState, form: FormData) => Promise<HelpPointFormState>;
  strings: Record<string, string>; categories: Choice[]; benefits: Choice[]; kinds: Choice[]; levels: Choice[];
  initial: Record<string, string | string[]>; formKey: string | null;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: initial, n: 0 });
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (Object.keys(state.errors).length > 0) focusSummary(summaryRef.current); }, [state]);
  const v = state.values;
  const { one, err, aria } = fieldAccessors(state.errors, v);
  const input = (name: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="question">
      <label className="label" htmlFor={name}>{s[name]}</label>
      {hint && <p className="hint" id={`hint-${name}`}>{hint}</p>}
      {err(name)}
      <input id={name} name={name} defaultValue={one(name)} {...props} {...aria(name, hint && `hint-${name}`)} />
    </div>
  );
  const textarea = (name: string, hint?: string) => (
    <div className="question">
      <label className="label" htmlFor={name}>{s[name]}</label>
      {hint && <p className="hint" id={`hint-${name}`}>{hint}</p>}
      {err(name)}
      <textarea id={name} name={name} rows={3} defaultValue={one(name)} {...aria(name, hint && `hint-${name}`)} />
    </div>
  );
  const select = (name: string, label: string, choices: Choice[], empty?: string) => (
    <div className="question">
      <label className="label" htmlFor={name}>{label}</label>
      {err(name)}
      <select id={name} name={name} defaultValue={one(name)} {...aria(name)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
  const chosen = Array.isArray(v.benefitCodes) ? v.benefitCodes : [];
  const fields = Object.keys(state.errors);
  return (
    <form action={formAction} noValidate key={state.n} data-testid="help-point-form">
      {fields.length > 0 && (
        <div className="error-summary" role="alert" id="erreurs" tabIndex={-1} ref={summaryRef}>
          <h2>{s.errorSummary}</h2>
          <ul>{fields.map((f) => <li key={f}><a href={f === "form" ? "#erreurs" : `#${f === "access" ? "access_physical" : f}`}>{state.errors[f]}</a></li>)}</ul>
        </div>
      )}
      {formKey && <input type="hidden" name="formKey" value={formKey} />}
      {/* Set by import for our own places; kept as is on edit (no chooser in this form yet). */}
      <input type="hidden" name="bookingMotiveId" value={one("bookingMotiveId")} />
      {input("name", { required: true, maxLength: 200 })}
      {select("category", s.category, categories)}
      {textarea("mission", s.missionHint)}
      <fieldset className="question"><legend>{s.addressLegend}</legend>
        {input("address", { maxLength: 300, autoComplete: "off" })}
        {input("postcode", { inputMode: "numeric", maxLength: 5 })}
        {input("city", { maxLength: 120 })}
        {input("lon", { inputMode: "decimal" }, s.positionHint)}
        {input("lat", { inputMode: "decimal" })}
      </fieldset>
      {textarea("openingHours", s.openingHoursHint)}
      {input("openingNote", { maxLength: 300 })}
      {input("phone", { type: "tel", maxLength: 40 })}
      {input("email", { type: "email", maxLength: 200 })}
      {input("website", { type: "url", maxLength: 500 })}
      {input("languages", { maxLength: 200 }, s.languagesHint)}
      <fieldset className="question" aria-describedby={state.errors.benefitCodes ? "err-benefitCodes" : undefined}>
        <legend>{s.benefitCodes}</legend>
        {err("benefitCodes")}
        <div className="inline-choices">
          {benefits.map((b) => (
            <label key={b.value} className="choice" htmlFor={`benefit-${b.value}`}>
              <input id={`benefit-${b.value}`} type="checkbox" name="benefitCodes" value={b.value} defaultChecked={chosen.includes(b.value)} />
              <span>{b.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {input("appointmentUrl", { type: "url", maxLength: 500 })}
      {input("transitLines", { maxLength: 300 }, s.transitHint)}
      {input("transitStop", { maxLength: 120 })}
      <fieldset className="question"><legend>{s.accessLegend}</legend>
        {err("access")}
        {kinds.map((k) => select(`access_${k.value}`, k.label, levels))}
        {select("stepFree", s.stepFree, levels.filter((l) => l.value !== "partial"))}
        {input("accessNote", { maxLength: 300 })}
        {input("acceslibreUrl", { type: "url", maxLength: 500 })}
      </fieldset>
      <button className="button" type="submit" disabled={pending}>{s.save}</button>
    </form>
  );
}
