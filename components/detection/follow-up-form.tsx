import type { Choice } from "./situation-form";

/**
 * A follow-up entry with an optional status change. A plain server-action form (post/redirect/
 * get): it works without JavaScript, and its key makes a double submit log one entry.
 */
export function FollowUpForm({ action, idempotencyKey, statuses, resolutions, strings: s }: {
  action: (form: FormData) => Promise<void>; idempotencyKey: string; statuses: Choice[]; resolutions: Choice[];
  strings: Record<"note" | "nextStep" | "remindOn" | "status" | "statusSame" | "resolution" | "resolvedOn" | "openedMonthly" | "submit", string>;
}) {
  return (
    <form action={action} data-testid="follow-up-form">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div className="question">
        <label className="label" htmlFor="fu-note">{s.note}</label>
        <textarea id="fu-note" name="note" required maxLength={2000} rows={3} />
      </div>
      <div className="question">
        <label className="label" htmlFor="fu-nextStep">{s.nextStep}</label>
        <input id="fu-nextStep" name="nextStep" type="text" maxLength={300} />
      </div>
      <div className="question">
        <label className="label" htmlFor="fu-remindOn">{s.remindOn}</label>
        <input id="fu-remindOn" name="remindOn" type="date" />
      </div>
      <div className="question">
        <label className="label" htmlFor="fu-status">{s.status}</label>
        <select id="fu-status" name="status" defaultValue="">
          <option value="">{s.statusSame}</option>
          {statuses.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </div>
      <div className="question">
        <label className="label" htmlFor="fu-resolution">{s.resolution}</label>
        <select id="fu-resolution" name="resolution" defaultValue="">
          <option value="">—</option>
          {resolutions.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </div>
      <div className="question">
        <label className="label" htmlFor="fu-resolvedOn">{s.resolvedOn}</label>
        <input id="fu-resolvedOn" name="resolvedOn" type="date" />
      </div>
      <div className="question">
        <label className="label" htmlFor="fu-openedMonthly">{s.openedMonthly}</label>
        <input id="fu-openedMonthly" name="openedMonthly" type="text" inputMode="decimal" maxLength={12} />
      </div>
      <button className="button" type="submit">{s.submit}</button>
    </form>
  );
}
