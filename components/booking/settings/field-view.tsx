import type { SettingsState } from "@/lib/booking/settings/actions";
import type { Field, InputField, Option } from "./types";

type Props = { field: Field; prefix: string; state: SettingsState; message: (f: string) => string | undefined; optional: string };

/** One field with its label, hint and error, keeping what was typed after a refused post. */
export function FieldView({ field: f, prefix, state, message, optional }: Props) {
  const submitted = Object.keys(state.values).length > 0;
  const id = `${prefix}-${f.name}`;
  const error = message(f.name);
  const described = [f.hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  const hint = f.hint ? <p className="hint" id={`${id}-hint`}>{f.hint}</p> : null;
  const err = error ? <p className="error" id={`${id}-err`}>{error}</p> : null;
  const sent = state.values[f.name];

  if (f.kind === "group") {
    return (
      <fieldset className="question" aria-describedby={f.hint ? `${id}-hint` : undefined}>
        <legend>{f.legend}</legend>
        {hint}
        <div>
          {f.fields.map((sub) => <FieldView key={sub.name} field={sub} prefix={prefix} state={state} message={message} optional={optional} />)}
        </div>
      </fieldset>
    );
  }
  // Inside a group, the legend is already read: show the short label, keep the full name for screen readers.
  const name = f.short ? <><span className="visually-hidden">{f.label.slice(0, f.label.length - f.short.length)}</span>{f.short}</> : f.label;
  const label = <>{name}{f.optional && <span className="tag"> {optional}</span>}</>;
  if (f.kind === "checkboxes" || f.kind === "radios") {
    const checked = submitted ? (Array.isArray(sent) ? sent : sent ? [sent] : []) : (f.defaultValue ?? []);
    return (
      <fieldset className="question" aria-describedby={described}>
        <legend>{label}</legend>
        {hint}
        {err}
        <div className="inline-choices">
          {f.options.map((o, i) => (
            <label key={o.value} className="choice" htmlFor={i === 0 ? id : `${id}--${o.value}`}>
              <input id={i === 0 ? id : `${id}--${o.value}`} type={f.kind === "radios" ? "radio" : "checkbox"} name={f.name} value={o.value}
                defaultChecked={checked.includes(o.value)} aria-invalid={!!error || undefined} />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (f.kind === "checkbox") {
    const checked = submitted ? sent === "on" : !!f.defaultChecked;
    return (
      <div className="question">
        {err}
        <label className="choice" htmlFor={id}>
          <input id={id} type="checkbox" name={f.name} value="on" defaultChecked={checked} aria-describedby={described} />
          <span>{f.label}</span>
        </label>
        {hint}
      </div>
    );
  }
  const value = submitted ? String(sent ?? "") : (f.defaultValue ?? "");
  const common = { id, name: f.name, defaultValue: value, "aria-invalid": !!error || undefined, "aria-describedby": described };
  let control;
  if (f.kind === "select") {
    control = (
      <select {...common}>
        {f.placeholder !== undefined && <option value="">{f.placeholder}</option>}
        {groupOptions(f.options)}
      </select>
    );
  } else if (f.kind === "textarea") {
    control = <textarea {...common} maxLength={f.maxLength} />;
  } else {
    const input = f as InputField;
    // inputMode also picks the project's text-field style (input[inputmode]) for time and date.
    const typed = ({
      text: { type: "text" }, tel: { type: "tel", inputMode: "tel" }, integer: { type: "text", inputMode: "numeric" },
      decimal: { type: "text", inputMode: "decimal" }, time: { type: "time", inputMode: "numeric" }, date: { type: "date", inputMode: "numeric" },
    } as Record<string, { type: string; inputMode?: "tel" | "numeric" | "decimal" }>)[input.kind];
    control = <input {...common} {...typed} maxLength={input.maxLength} autoComplete={input.autoComplete ?? "off"} />;
  }
  return (
    <div className="question">
      <label className="label" htmlFor={id}>{label}</label>
      {hint}
      {err}
      {control}
    </div>
  );
}

/** Options, in <optgroup>s when they carry a group (e.g. neighbourhoods by level). */
function groupOptions(options: Option[]) {
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  if (groups.length === 1 && groups[0] === "") return options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return groups.map((g) => (
    <optgroup key={g} label={g}>
      {options.filter((o) => (o.group ?? "") === g).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
    </optgroup>
  ));
}
