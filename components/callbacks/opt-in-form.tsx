"use client";

import { useActionState, useEffect, useRef } from "react";
import { focusSummary } from "@/components/ui/focus-summary";
import type { OptInState } from "@/lib/callbacks/opt-in-action";

type Option = { value: string; label: string };
export type OptInStrings = {
  consent: string; firstName: string; phone: string; phoneHint: string; email: string; contactHint: string;
  days: string; times: string; channel: string; language: string; companion: string; accessibility: string;
  submit: string; yes: string; no: string; errorSummary: string; errors: Record<string, string>;
  /** "obligatoire", shown beside required questions. */
  required: string; consentShort: string; labelSep: string;
  dayOptions: Option[]; timeOptions: Option[]; channelOptions: Option[]; languageOptions: Option[];
};

/**
 * The opt-in form. A server action with useActionState: without JavaScript the browser posts
 * it and the server renders the returned errors and values; with it, nothing reloads.
 */
export function OptInForm({ action, strings, defaultLanguage, intro }: {
  action: (prev: OptInState, form: FormData) => Promise<OptInState>; strings: OptInStrings; defaultLanguage: string;
  /** The consent text, shown between the error summary and the form: after a refused post
   * without JavaScript, the summary is then the first thing under the page title. */
  intro?: React.ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: {} });
  const v = state.values;
  const msg = (f: string) => (state.errors[f] ? strings.errors[state.errors[f]] ?? strings.errors.form : undefined);
  const described = (f: string, hint?: string) => [hint, state.errors[f] ? `err-${f}` : ""].filter(Boolean).join(" ") || undefined;
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : []);
  const group = (name: string, legend: string, options: Option[], type: "radio" | "checkbox", checked: (o: string) => boolean, required?: string) => (
    <Group name={name} legend={legend} options={options} type={type} checked={checked} error={msg(name)} required={required} />
  );
  const errorCount = Object.keys(state.errors).length;
  const summaryRef = useRef<HTMLDivElement>(null);
  // A refused post: bring the summary into view and focus it (on a phone it is far above the button).
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) focusSummary(summaryRef.current);
  }, [state]);
  const labels: Record<string, string> = {
    consent: strings.consentShort, firstName: strings.firstName, phone: strings.phone, email: strings.email,
    channel: strings.channel, days: strings.days, times: strings.times, language: strings.language,
    companion: strings.companion, accessibility: strings.accessibility,
  };
  const mark = <span className="tag"> ({strings.required})</span>;
  return (
    <>
      {errorCount > 0 && (
        <div className="error-summary" role="alert" id="erreurs" tabIndex={-1} ref={summaryRef}>
          <h2>{strings.errorSummary}</h2>
          <ul>{Object.keys(state.errors).map((f) => <li key={f}><a href={`#${f}`}>{labels[f] ? `${labels[f]}${strings.labelSep}${msg(f)}` : msg(f)}</a></li>)}</ul>
        </div>
      )}
      {intro}
      <form action={formAction} noValidate autoComplete="on">
        <div className="question">
          <Err f="consent" message={msg("consent")} />
          <label className="choice" htmlFor="consent">
            <input id="consent" type="checkbox" name="consent" value="on" required defaultChecked={v.consent === "on"} aria-invalid={!!state.errors.consent || undefined} aria-describedby={described("consent")} />
            <span>{strings.consent}{mark}</span>
          </label>
        </div>
        <div className="question">
          <label className="label" htmlFor="firstName">{strings.firstName}{mark}</label>
          <Err f="firstName" message={msg("firstName")} />
          <input id="firstName" name="firstName" type="text" required autoComplete="given-name" maxLength={60} defaultValue={String(v.firstName ?? "")} aria-invalid={!!state.errors.firstName || undefined} aria-describedby={described("firstName")} />
        </div>
        <p className="hint" id="contact-hint">{strings.contactHint}</p>
        <div className="question">
          <label className="label" htmlFor="phone">{strings.phone}</label>
          <p className="hint" id="phone-hint">{strings.phoneHint}</p>
          <Err f="phone" message={msg("phone")} />
          <input id="phone" name="phone" type="tel" autoComplete="tel" maxLength={30} defaultValue={String(v.phone ?? "")} aria-invalid={!!state.errors.phone || undefined} aria-describedby={described("phone", "phone-hint contact-hint")} />
        </div>
        <div className="question">
          <label className="label" htmlFor="email">{strings.email}</label>
          <Err f="email" message={msg("email")} />
          <input id="email" name="email" type="email" autoComplete="email" maxLength={200} defaultValue={String(v.email ?? "")} aria-invalid={!!state.errors.email || undefined} aria-describedby={described("email", "contact-hint")} />
        </div>
        {group("channel", strings.channel, strings.channelOptions, "radio", (o) => v.channel === o, strings.required)}
        {group("days", strings.days, strings.dayOptions, "checkbox", (o) => list("days").includes(o))}
        {group("times", strings.times, strings.timeOptions, "checkbox", (o) => list("times").includes(o))}
        <div className="question">
          <label className="label" htmlFor="language">{strings.language}</label>
          <Err f="language" message={msg("language")} />
          <select id="language" name="language" defaultValue={String(v.language || defaultLanguage)}>
            {strings.languageOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        {group("companion", strings.companion, [{ value: "yes", label: strings.yes }, { value: "no", label: strings.no }], "radio", (o) => (v.companion || "no") === o)}
        <div className="question">
          <label className="label" htmlFor="accessibility">{strings.accessibility}</label>
          <Err f="accessibility" message={msg("accessibility")} />
          <textarea id="accessibility" name="accessibility" maxLength={300} defaultValue={String(v.accessibility ?? "")} aria-describedby={described("accessibility")} />
        </div>
        <button className="button" type="submit" disabled={pending}>{strings.submit}</button>
      </form>
    </>
  );
}

function Err({ f, message }: { f: string; message?: string }) {
  return message ? <p className="error" id={`err-${f}`}>{message}</p> : null;
}

function Group({ name, legend, options, type, checked, error, required }: {
  name: string; legend: string; options: Option[]; type: "radio" | "checkbox"; checked: (o: string) => boolean; error?: string;
  /** The "obligatoire" mark of a required radio group (its radios get `required`). */
  required?: string;
}) {
  return (
    <fieldset className="question" aria-describedby={error ? `err-${name}` : undefined}>
      <legend>{legend}{required && <span className="tag"> ({required})</span>}</legend>
      <Err f={name} message={error} />
      <div className="inline-choices">
        {options.map((o, i) => (
          <label key={o.value} className="choice" htmlFor={i === 0 ? name : `${name}--${o.value}`}>
            <input id={i === 0 ? name : `${name}--${o.value}`} type={type} name={name} value={o.value} defaultChecked={checked(o.value)} required={type === "radio" && !!required} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
