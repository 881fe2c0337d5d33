import type { Choice } from "@/lib/detection/form-types";

/**
 * A follow-up entry with an optional status change. A plain server-action form (post/redirect/
 * get): it works without JavaScript, and its key makes a double submit log one entry.
 */
export function FollowUpForm({ action, idempotencyKey, statuses, resolutions, strings: s }: {
  action: (form: FormData) => Promise<void>; idempotencyKey: string; statuses: Choice[]; resolutions: Choice[];
  strings: Record<"note" | "nextStep" | "remindOn" | "status" | "statusSame" | "resolution" | "resolvedOn" | "openedMonthly" | "submit", string>;
}) {
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement>) => (
    <div className="question">
      <label className="label" htmlFor={`fu-${name}`}>{label}</label>
      <input id={`fu-${name}`} name={name} {...props} />
    </div>
  );
  const pick = (name: string, label: string, empty: string, choices: Choice[]) => (
    <div className="question">
      <label className="label" htmlFor={`fu-${name}`}>{label}</label>
      <select id={`fu-${name}`} name={name} defaultValue="">
        <option value="">{empty}</option>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
  return (
    <form action={action} data-testid="follow-up-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="question">
        <label className="label" htmlFor="fu-note">{s.note}</label>
        <textarea id="fu-note" name="note" required maxLength={2000} rows={3} />
      </div>
      {field("nextStep", s.nextStep, { type: "text", maxLength: 300 })}
      {field("remindOn", s.remindOn, { type: "date" })}
      {pick("status", s.status, s.statusSame, statuses)}
      {pick("resolution", s.resolution, "—", resolutions)}
      {field("resolvedOn", s.resolvedOn, { type: "date" })}
      {field("openedMonthly", s.openedMonthly, { type: "text", inputMode: "decimal", maxLength: 12 })}
      <button className="button" type="submit">{s.submit}</button>
    </form>
  );
}
