"use client";

import { useActionState } from "react";
import type { ChangeState } from "@/lib/booking/public-actions";
import { slotLabel } from "./slot-label";

/** A one-button form (cancel, confirm a move) whose refusal is shown in place. */
export function ChangeForm({ action, label, errors, hidden = {}, secondary, slotHref = "", localeTag = "fr-FR", nextTitle = "", confirm }: {
  action: (prev: ChangeState, form: FormData) => Promise<ChangeState>;
  label: string; errors: Record<string, string>; hidden?: Record<string, string>; secondary?: boolean;
  slotHref?: string; localeTag?: string; nextTitle?: string;
  /** For an irreversible change: the text of a required confirmation box (checked by the server too). */
  confirm?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null, next: [] });
  return (
    <form action={formAction} className={confirm ? "stack" : undefined}>
      {state.error && (
        <div className="error-summary" role="alert" id="change-error">
          <p>{errors[state.error] ?? errors.form}</p>
          {state.next.length > 0 && (
            <>
              <p>{nextTitle}</p>
              <ul>{state.next.map((iso) => <li key={iso}><a href={`${slotHref}&creneau=${encodeURIComponent(iso)}`}>{slotLabel(iso, localeTag)}</a></li>)}</ul>
            </>
          )}
        </div>
      )}
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {confirm && (
        <label className="choice" htmlFor="change-confirm">
          <input id="change-confirm" type="checkbox" name="confirm" value="1" required
            aria-describedby={state.error === "confirm" ? "change-error" : undefined} />
          <span>{confirm}</span>
        </label>
      )}
      <button className={secondary ? "button secondary" : "button"} type="submit" disabled={pending}>{label}</button>
    </form>
  );
}
