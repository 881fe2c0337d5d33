"use client";

import { useActionState, useEffect, useRef } from "react";
import { focusSummary } from "@/components/ui/focus-summary";
import type { FormState } from "@/lib/outreach/form-actions";
import { ErrorSummary, fieldKit, type Choice } from "./fields";

/**
 * Proposing an outreach action. A server action with useActionState: without JavaScript the
 * browser posts it and the server renders the returned messages. `actionId` is the form's
 * one-time id (a double click finds the same action).
 */
export function ProposalForm({ action, s, options, actionId, today }: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  s: Record<string, string>;
  options: { actionTypes: Choice[]; placeTypes: Choice[]; audiences: Choice[]; sites: Choice[]; neighbourhoods: Choice[] };
  actionId: string;
  today: string;
}) {
  const [state, formAction, pending] = useActionState(action, { errors: {}, values: { heldOn: today }, n: 0 });
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { if (Object.keys(state.errors).length) focusSummary(ref.current); }, [state]);
  const f = fieldKit(state.errors, state.values);
  return (
    <form action={formAction} noValidate key={state.n} data-testid="proposal-form">
      <ErrorSummary title={s.errorSummary} errors={state.errors} summaryRef={ref} />
      <input type="hidden" name="actionId" value={actionId} />
      <fieldset className="card">
        <legend>{s.when}</legend>
        {f.input("heldOn", s.heldOn, { type: "date", required: true })}
        {f.input("startsAt", s.startsAt, { type: "time" })}
        {f.input("endsAt", s.endsAt, { type: "time" })}
      </fieldset>
      <fieldset className="card">
        <legend>{s.where}</legend>
        {f.select("actionType", s.actionType, options.actionTypes, { empty: "—" })}
        {f.select("placeType", s.placeType, options.placeTypes, { empty: "—" })}
        {f.select("siteId", s.siteId, options.sites, { empty: s.siteNone })}
        {f.input("placeLabel", s.placeLabel, { maxLength: 120 }, s.placeHint)}
        {options.neighbourhoods.length > 0 && f.select("neighbourhoodId", s.neighbourhood, options.neighbourhoods, { empty: s.neighbourhoodNone })}
      </fieldset>
      <fieldset className="card">
        <legend>{s.whoTitle}</legend>
        {f.select("audience", s.audience, options.audiences, { empty: "—" })}
        <div className="question">
          <label className="label" htmlFor="team">{s.team}</label>
          <p className="hint" id="hint-team">{s.teamHint}</p>
          {f.err("team")}
          <textarea id="team" name="team" maxLength={300} defaultValue={f.one("team")} {...f.aria("team", "hint-team")} />
        </div>
      </fieldset>
      <button className="button" type="submit" disabled={pending}>{s.submitProposal}</button>
    </form>
  );
}
