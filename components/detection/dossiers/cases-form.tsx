"use client";

import { useActionState, useEffect, useRef } from "react";

/** What the fiches mémoire form shows after a refused post: errors by case and what was typed. */
export type CasesState = { errors: Record<string, string>; chosen?: string[]; texts?: Record<string, string>; nonce?: number };
export type Candidate = { id: string; heading: string; chosen: boolean; text: string };
type Strings = { submit: string; include: string; text: string; warning: string; errorSummary: string; errors: Record<string, string> };

/**
 * The fiches mémoire of a dossier: each situation with a summary, a tick to keep it and its
 * anonymised text to edit. A server action with useActionState: it works without JavaScript
 * (the server renders the returned errors and texts); a refused text stores nothing.
 */
export function CasesForm({ action, candidates, strings }: { action: (prev: CasesState, form: FormData) => Promise<CasesState>; candidates: Candidate[]; strings: Strings }) {
  const [state, formAction, pending] = useActionState(action, { errors: {} });
  const summary = useRef<HTMLDivElement>(null);
  const errorKeys = Object.keys(state.errors);
  useEffect(() => {
    if (errorKeys.length) summary.current?.focus();
  }, [state.nonce, errorKeys.length]);
  const message = (k: string) => strings.errors[state.errors[k]] ?? strings.errors.form;
  const heading = new Map(candidates.map((c) => [c.id, c.heading]));
  return (
    <form key={state.nonce ?? "initial"} action={formAction} noValidate id="cases">
      <p className="hint" id="cases-warning">{strings.warning}</p>
      {errorKeys.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{strings.errorSummary}</h2>
          <ul>
            {errorKeys.map((k) => (
              <li key={k}><a href={heading.has(k) ? `#text-${k}` : "#cases"}>{heading.has(k) ? `${heading.get(k)} — ` : ""}{message(k)}</a></li>
            ))}
          </ul>
        </div>
      )}
      {candidates.map((c) => {
        const chosen = state.chosen ? state.chosen.includes(c.id) : c.chosen;
        const text = state.texts?.[c.id] ?? c.text;
        const error = state.errors[c.id];
        // Only the cases kept (or refused) get an editable text: a period may hold hundreds of
        // summaries. A case just ticked is saved with its summary, checked like any text.
        const editable = chosen || !!error;
        return (
          <fieldset key={c.id} className="question" data-testid="case">
            <legend>{c.heading}</legend>
            <label className="choice" htmlFor={`case-${c.id}`}>
              <input id={`case-${c.id}`} type="checkbox" name="case" value={c.id} defaultChecked={chosen} />
              <span>{strings.include}</span>
            </label>
            {editable ? (
              <>
                <label className="label" htmlFor={`text-${c.id}`}>{strings.text}</label>
                {error && <p className="error" id={`text-${c.id}-err`}>{message(c.id)}</p>}
                <textarea id={`text-${c.id}`} name={`text-${c.id}`} className="case-text" defaultValue={text} maxLength={1200}
                  aria-invalid={!!error || undefined} aria-describedby={error ? `cases-warning text-${c.id}-err` : "cases-warning"} />
              </>
            ) : (
              <>
                <p className="muted">{text}</p>
                <input type="hidden" name={`text-${c.id}`} value={text} />
              </>
            )}
          </fieldset>
        );
      })}
      <button className="button" type="submit" disabled={pending}>{strings.submit}</button>
    </form>
  );
}
