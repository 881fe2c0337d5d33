import type { DetectionEntry } from "@/lib/detection/options";
import type { DetectionService } from "@/lib/detection/services";

type Strings = { rename: string; newLabel: string; archive: string; restore: string; delete: string; aidOn: string; aidOff: string };
type Action = (form: FormData) => Promise<void>;

/** A rename form: the new label, with the entry's name in its accessible label (several per page). */
function RenameForm({ id, hidden, label, action, strings }: { id: string; hidden: Record<string, string>; label: string; action: Action; strings: Strings }) {
  return (
    <form action={action} className="inline-form">
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <label className="visually-hidden" htmlFor={id}>{strings.newLabel} {label}</label>
      <input id={id} name="label" type="text" defaultValue={label} maxLength={120} required />
      <button className="button link" type="submit">{strings.rename} <span className="visually-hidden">{label}</span></button>
    </form>
  );
}

/** One button posting one operation (archive, restore…), named with the entry for screen readers. */
function OpButton({ action, hidden, text, name }: { action: Action; hidden: Record<string, string>; text: string; name: string }) {
  return (
    <form action={action} className="inline-form">
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <button className="button link" type="submit">{text} <span className="visually-hidden">{name}</span></button>
    </form>
  );
}

/** Rename and archive / restore one entry of a list (plain forms: no JavaScript needed). */
export function EntryActions({ entry, rename, archive, strings }: { entry: DetectionEntry; rename: Action; archive: Action; strings: Strings }) {
  return (
    <>
      <RenameForm id={`rename-${entry.code}`} hidden={{ code: entry.code }} label={entry.label} action={rename} strings={strings} />
      <OpButton action={archive} hidden={{ code: entry.code, archived: entry.archived ? "0" : "1" }} text={entry.archived ? strings.restore : strings.archive} name={entry.label} />
    </>
  );
}

/** Rename, optional-aid flag, archive / restore and — for a service no situation names — delete. */
export function ServiceActions({ service: s, inUse, rename, state, strings }: { service: DetectionService; inUse: boolean; rename: Action; state: Action; strings: Strings }) {
  return (
    <>
      <RenameForm id={`rename-${s.code}`} hidden={{ id: s.id }} label={s.label} action={rename} strings={strings} />
      <OpButton action={state} hidden={{ id: s.id, op: s.instructsOptionalAid ? "aid_off" : "aid_on" }} text={s.instructsOptionalAid ? strings.aidOff : strings.aidOn} name={s.label} />
      <OpButton action={state} hidden={{ id: s.id, op: s.archived ? "restore" : "archive" }} text={s.archived ? strings.restore : strings.archive} name={s.label} />
      {!inUse && <OpButton action={state} hidden={{ id: s.id, op: "delete" }} text={strings.delete} name={s.label} />}
    </>
  );
}
