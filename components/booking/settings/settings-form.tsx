"use client";

import { useActionState, useEffect, useRef } from "react";
import type { SettingsState } from "@/lib/booking/settings/actions";
import { FieldView } from "./field-view";
import type { Field, FormStrings } from "./types";

/**
 * A booking settings form. A server action with useActionState: without JavaScript the browser
 * posts it and the server renders the returned errors and values; with it, nothing reloads.
 * The error summary lists every error and links to its field (RGAA 11.10).
 */
export function SettingsForm({ action, fields, strings, id }: {
  action: (prev: SettingsState, form: FormData) => Promise<SettingsState>; fields: Field[]; strings: FormStrings; id: string;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: {} });
  const summary = useRef<HTMLDivElement>(null);
  const errorKeys = Object.keys(state.errors);
  useEffect(() => {
    if (errorKeys.length) summary.current?.focus();
  }, [state.nonce, errorKeys.length]);
  const message = (f: string) => (state.errors[f] ? strings.errors[state.errors[f]] ?? strings.errors.form : undefined);
  const labels = new Map(flatten(fields).map((f) => [f.name, "label" in f ? f.label : ""]));
  return (
    // A new key after each refused post: the fields start again from the values just sent.
    <form key={state.nonce ?? "initial"} action={formAction} noValidate id={id}>
      {errorKeys.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{strings.errorSummary}</h2>
          <ul>
            {errorKeys.map((f) => (
              <li key={f}><a href={`#${labels.has(f) ? `${id}-${f}` : id}`}>{labels.get(f) ? `${labels.get(f)} — ` : ""}{message(f)}</a></li>
            ))}
          </ul>
        </div>
      )}
      {fields.map((f) => <FieldView key={f.name} field={f} prefix={id} state={state} message={message} optional={strings.optional} />)}
      <button className="button" type="submit" disabled={pending}>{strings.submit}</button>
    </form>
  );
}

function flatten(fields: Field[]): Field[] {
  return fields.flatMap((f) => (f.kind === "group" ? flatten(f.fields) : [f]));
}
