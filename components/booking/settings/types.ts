/** A form field described by the server page (already translated) and drawn by SettingsForm. */
export type Option = { value: string; label: string; group?: string };

/** `short`: the visible label inside a group; `label` stays the full accessible name (legend included). */
type Base = { name: string; label: string; short?: string; hint?: string; optional?: boolean };
export type InputField = Base & {
  kind: "text" | "textarea" | "integer" | "decimal" | "time" | "date" | "tel";
  defaultValue?: string; maxLength?: number; autoComplete?: string;
};
export type SelectField = Base & { kind: "select"; options: Option[]; defaultValue?: string; placeholder?: string };
export type ChoicesField = Base & { kind: "checkboxes" | "radios"; options: Option[]; defaultValue?: string[] };
export type CheckboxField = Base & { kind: "checkbox"; defaultChecked?: boolean };
/** Fields shown together under one legend (a delay and its unit, a date and a time). */
export type GroupField = { kind: "group"; name: string; legend: string; hint?: string; fields: Field[] };
export type Field = InputField | SelectField | ChoicesField | CheckboxField | GroupField;

export type FormStrings = { submit: string; errorSummary: string; optional: string; errors: Record<string, string> };
