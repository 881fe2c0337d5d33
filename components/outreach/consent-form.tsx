"use client";

import { useActionState, useEffect, useRef } from "react";
import { focusSummary } from "@/components/ui/focus-summary";
import type { ConsentState } from "@/lib/outreach/form-actions";
import { ErrorSummary, fieldKit, type Choice } from "./fields";

/**
 * Consent to be called back, taken at a stand (the person ticks the box on the tablet) or typed
 * in from a signed paper form. Works without JavaScript (server action). Once saved, the form
 * comes back empty with a new one-time key: nothing of the previous person stays on a shared
 * tablet; a refused form keeps the typing for the same person to correct.
 */
export function ConsentForm({ action, s, cb, messages, choices, initialKey }: {
  action: (prev: ConsentState, form: FormData) => Promise<ConsentState>;
  /** outreach.* strings; cb: callback.* strings (the questionnaire opt-in's field labels). */
  s: Record<string, string>;
  cb: Record<string, string>;
  /** Error keys → text (callback.errors.* then outreach.errors.*). */
  messages: Record<string, string>;
  choices: { channels: Choice[]; languages: Choice[]; days: Choice[]; times: Choice[]; neighbourhoods: Choice[]; capture: Choice[] };
  initialKey: string;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: { captureMode: "stand_tablet" }, n: 0, saved: false, key: initialKey });
  const ref = useRef<HTMLDivElement>(null);
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (Object.keys(state.errors).length) focusSummary(ref.current);
    else if (state.saved) focusSummary(savedRef.current);
  }, [state]);
  const message = (e: string) => messages[e] ?? messages.form;
  const f = fieldKit(state.errors, state.values, message);
  const yesNo = [{ value: "no", label: cb.no }, { value: "yes", label: cb.yes }];
  return (
    <>
      {state.saved && <p className="notice" role="status" tabIndex={-1} ref={savedRef} data-testid="consent-saved">{s.consentSaved}</p>}
      <form action={formAction} noValidate key={state.n} data-testid="consent-form" autoComplete="off">
        <ErrorSummary title={s.errorSummary} errors={state.errors} message={message} summaryRef={ref} />
        <input type="hidden" name="submissionKey" value={state.key} />
        <div className="card">
          {f.group("radio", "captureMode", s.captureMode, choices.capture)}
          {f.input("signedOn", s.signedOn, { type: "date" }, s.signedOnHint)}
        </div>
        <section className="card" aria-labelledby="consent-text">
          <h2 id="consent-text">{s.consentTextTitle}</h2>
          <ul>
            <li>{s.consentPurpose}</li><li>{s.consentWho}</li><li>{s.consentWhat}</li><li>{s.consentRetention}</li><li>{s.consentWithdraw}</li>
          </ul>
        </section>
        <fieldset className="card">
          <legend>{cb.consentShort}</legend>
          {f.input("firstName", cb.firstName, { maxLength: 60, autoComplete: "off" })}
          {f.input("phone", cb.phone, { type: "tel", maxLength: 30, autoComplete: "off" }, `${cb.phoneHint} ${cb.contactHint}`)}
          {f.input("email", cb.email, { type: "email", maxLength: 200, autoComplete: "off" })}
          {f.group("radio", "channel", cb.channel, choices.channels)}
          {f.select("language", cb.language, choices.languages)}
          {f.group("checkbox", "days", cb.days, choices.days)}
          {f.group("checkbox", "times", cb.times, choices.times)}
          {f.group("radio", "companion", cb.companion, yesNo)}
          {f.input("accessibility", cb.accessibility, { maxLength: 300 })}
          {choices.neighbourhoods.length > 0 && f.select("neighbourhoodId", s.consentNeighbourhood, choices.neighbourhoods, { empty: s.neighbourhoodNone })}
          <div className="question">
            {f.err("consent")}
            <label className="choice" htmlFor="consent">
              <input id="consent" type="checkbox" name="consent" value="on" {...f.aria("consent")} />
              <span><strong>{s.consentBox}</strong></span>
            </label>
          </div>
        </fieldset>
        <button className="button" type="submit" disabled={pending}>{s.submitConsent}</button>
      </form>
    </>
  );
}
