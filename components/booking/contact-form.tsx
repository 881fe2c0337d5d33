"use client";

import { useActionState, useEffect, useRef } from "react";
import { focusSummary } from "@/components/ui/focus-summary";
import type { BookState } from "@/lib/booking/public-actions";
import { slotLabel } from "./slot-label";

export type ContactFormStrings = {
  name: string; phone: string; phoneHint: string; email: string; contactHint: string; submit: string;
  errorSummary: string; errors: Record<string, string>; nextTitle: string;
  /** "obligatoire", beside the name. */
  required: string; labelSep: string;
};

/**
 * The contact step. A server action with useActionState: without JavaScript the browser posts
 * it and the server renders the returned messages; the hidden key makes a double submit book once.
 */
export function ContactForm({ action, strings, hidden, prefill, slotHref, localeTag }: {
  action: (prev: BookState, form: FormData) => Promise<BookState>;
  strings: ContactFormStrings;
  hidden: Record<string, string>;
  prefill: Record<string, string>;
  /** The week page of the same motive and place, to link the alternatives. */
  slotHref: string;
  localeTag: string;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: prefill, next: [] });
  const v = state.values;
  const msg = (f: string) => (state.errors[f] ? strings.errors[state.errors[f]] ?? strings.errors.form : undefined);
  const fields = Object.keys(state.errors);
  const summaryRef = useRef<HTMLDivElement>(null);
  // A refused booking: bring the summary into view and focus it.
  useEffect(() => {
    if (Object.keys(state.errors).length > 0) focusSummary(summaryRef.current);
  }, [state]);
  const labels: Record<string, string> = { name: strings.name, phone: strings.phone, email: strings.email };
  return (
    <form action={formAction} noValidate autoComplete="on">
      {fields.length > 0 && (
        <div className="error-summary" role="alert" id="erreurs" tabIndex={-1} ref={summaryRef}>
          <h2>{strings.errorSummary}</h2>
          <ul>{fields.map((f) => <li key={f}><a href={f === "slot" || f === "form" ? "#erreurs" : `#${f}`}>{labels[f] ? `${labels[f]}${strings.labelSep}${msg(f)}` : msg(f)}</a></li>)}</ul>
          {state.next.length > 0 && (
            <>
              <p>{strings.nextTitle}</p>
              <ul>{state.next.map((iso) => <li key={iso}><a href={`${slotHref}&creneau=${encodeURIComponent(iso)}`}>{slotLabel(iso, localeTag)}</a></li>)}</ul>
            </>
          )}
        </div>
      )}
      {Object.entries(hidden).map(([k, val]) => <input key={k} type="hidden" name={k} value={val} />)}
      <div className="question">
        <label className="label" htmlFor="name">{strings.name}<span className="tag"> ({strings.required})</span></label>
        {msg("name") && <p className="error" id="err-name">{msg("name")}</p>}
        <input id="name" name="name" type="text" required autoComplete="name" maxLength={80} defaultValue={v.name ?? ""}
          aria-invalid={!!state.errors.name || undefined} aria-describedby={state.errors.name ? "err-name" : undefined} />
      </div>
      <p className="hint" id="contact-hint">{strings.contactHint}</p>
      <div className="question">
        <label className="label" htmlFor="phone">{strings.phone}</label>
        <p className="hint" id="phone-hint">{strings.phoneHint}</p>
        {msg("phone") && <p className="error" id="err-phone">{msg("phone")}</p>}
        <input id="phone" name="phone" type="tel" autoComplete="tel" maxLength={30} defaultValue={v.phone ?? ""}
          aria-invalid={!!state.errors.phone || undefined} aria-describedby={["phone-hint contact-hint", state.errors.phone ? "err-phone" : ""].join(" ").trim()} />
      </div>
      <div className="question">
        <label className="label" htmlFor="email">{strings.email}</label>
        {msg("email") && <p className="error" id="err-email">{msg("email")}</p>}
        <input id="email" name="email" type="email" autoComplete="email" maxLength={200} defaultValue={v.email ?? ""}
          aria-invalid={!!state.errors.email || undefined} aria-describedby={["contact-hint", state.errors.email ? "err-email" : ""].join(" ").trim()} />
      </div>
      <button className="button" type="submit" disabled={pending}>{strings.submit}</button>
    </form>
  );
}
