import { fieldAccessors } from "@/components/ui/field-kit";
import { frenchSpaces } from "@/lib/i18n/typography";

export type Choice = { value: string; label: string };

/**
 * Labelled fields for the outreach forms, tied to one form state: each error is shown above its
 * field and described by it (aria-invalid, aria-describedby). `message` turns an error value
 * into text (a message key for the consent form, the text itself elsewhere).
 */
export function fieldKit(errors: Record<string, string>, values: Record<string, string | string[]>, message: (e: string) => string = (e) => e) {
  const { one, many, err, aria } = fieldAccessors(errors, values, (e) => frenchSpaces(message(e)));
  const input = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint?: string) => (
    <div className="question">
      <label className="label" htmlFor={name}>{label}</label>
      {hint && <p className="hint" id={`hint-${name}`}>{hint}</p>}
      {err(name)}
      <input id={name} name={name} defaultValue={props.defaultValue ?? one(name)} {...props} {...aria(name, hint && `hint-${name}`)} />
    </div>
  );
  const select = (name: string, label: string, choices: Choice[], opts: { empty?: string; hint?: string } = {}) => (
    <div className="question">
      <label className="label" htmlFor={name}>{label}</label>
      {opts.hint && <p className="hint" id={`hint-${name}`}>{opts.hint}</p>}
      {err(name)}
      <select id={name} name={name} defaultValue={one(name)} {...aria(name, opts.hint && `hint-${name}`)}>
        {opts.empty !== undefined && <option value="">{opts.empty}</option>}
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </div>
  );
  const group = (type: "checkbox" | "radio", name: string, legend: string, choices: Choice[]) => (
    <fieldset className="question" aria-describedby={errors[name] ? `err-${name}` : undefined}>
      <legend>{legend}</legend>
      {err(name)}
      <div className="inline-choices">
        {choices.map((c, i) => (
          <label key={c.value} className="choice" htmlFor={i === 0 ? name : `${name}-${c.value}`}>
            <input id={i === 0 ? name : `${name}-${c.value}`} type={type} name={name} value={c.value}
              defaultChecked={type === "radio" ? one(name) === c.value : many(name).includes(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
  return { one, many, err, aria, input, select, group };
}

/** The error summary at the top of a form, each entry a link to its field. */
export function ErrorSummary({ title, errors, message = (e) => e, summaryRef }: {
  title: string; errors: Record<string, string>; message?: (e: string) => string; summaryRef: React.Ref<HTMLDivElement>;
}) {
  const fields = Object.keys(errors);
  if (!fields.length) return null;
  return (
    <div className="error-summary" role="alert" id="erreurs" tabIndex={-1} ref={summaryRef}>
      <h2>{title}</h2>
      <ul>{fields.map((f) => <li key={f}><a href={f === "form" || f === "submissionKey" ? "#erreurs" : `#${f}`}>{frenchSpaces(message(errors[f]))}</a></li>)}</ul>
    </div>
  );
}
