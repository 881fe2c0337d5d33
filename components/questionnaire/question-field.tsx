"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { evaluate, referencedQuestions, rowMatches } from "@/lib/questionnaire/conditions";
import { DONT_KNOW, OUTSIDE_TERRITORY, PREFER_NOT } from "@/lib/questionnaire/constants";
import type { CascadeOption, Option, Question, QuestionOf } from "@/lib/questionnaire/definition-schema";
import { cascadeItems, cascadeRowLabel, type Flow } from "@/lib/questionnaire/flow";
import { cascadeValue, fieldName, preferNotField } from "@/lib/questionnaire/form-fields";
import { localize, type Locale } from "@/lib/i18n/locale";
import type { SectionFormProps, SectionStrings } from "./types";

export type RenderState = {
  hydrated: boolean;
  shown: Set<string>;
  answers: Record<string, unknown>;
  /** Questions shown only because JavaScript cannot hide them yet. */
  conditional: Set<string>;
};

type Values = Record<string, string | string[]>;
type Props = {
  q: Question; flow: Flow; state: RenderState; register: UseFormRegister<Values>; values: Values;
  errors: FieldErrors<Values>; locale: Locale; strings: SectionStrings; neighbourhoods: SectionFormProps["neighbourhoods"];
  defaults: Values;
};

const errId = (name: string) => `err-${name}`;

function ErrorText({ name, errors }: { name: string; errors: FieldErrors<Values> }) {
  const message = errors[name]?.message;
  return message ? <p className="error" id={errId(name)}>{String(message)}</p> : null;
}

function Choices(props: {
  name: string; type: "radio" | "checkbox"; options: { value: string; label: string }[];
  register: UseFormRegister<Values>; invalid: boolean; inline?: boolean; anchor: boolean; defaults: Values;
  /** A required radio group: each radio says so to assistive technologies. */
  required?: boolean;
}) {
  // Checked state in the HTML itself, so that values show with JavaScript off.
  const current = props.defaults[props.name];
  const isChecked = (v: string) => (Array.isArray(current) ? current.includes(v) : current === v);
  return (
    <div className={props.inline ? "inline-choices" : undefined}>
      {props.options.map((o, i) => {
        // The first choice carries the field's own id (the target of the error summary's link);
        // the label names whichever id its input has, so every choice has an accessible name.
        const id = i === 0 && props.anchor ? props.name : `${props.name}--${o.value}`;
        return (
          <label key={o.value} className="choice" htmlFor={id}>
            <input
              id={id}
              type={props.type}
              value={o.value}
              aria-invalid={props.invalid || undefined}
              required={(props.type === "radio" && props.required) || undefined}
              defaultChecked={isChecked(o.value)}
              {...props.register(props.name)}
            />
            <span>{o.label}</span>
          </label>
        );
      })}
    </div>
  );
}

/** A group of choices with its legend, help and error, as one accessible fieldset. */
function ChoiceGroup(props: {
  name: string; legend: React.ReactNode; help?: string; type: "radio" | "checkbox";
  options: { value: string; label: string }[]; register: UseFormRegister<Values>;
  errors: FieldErrors<Values>; inline?: boolean; hidden?: boolean; className?: string; defaults: Values;
  /** False for the repeated groups of one cascade level: only one holds the field's id and error. */
  anchor?: boolean;
  required?: boolean;
}) {
  const anchor = props.anchor ?? true;
  const invalid = anchor && !!props.errors[props.name];
  const describedBy = [props.help ? `help-${props.name}` : "", invalid ? errId(props.name) : ""].filter(Boolean).join(" ");
  return (
    <fieldset className={props.className ?? "question"} hidden={props.hidden} aria-describedby={describedBy || undefined}>
      <legend>{props.legend}</legend>
      {props.help && <p className="hint" id={`help-${props.name}`}>{props.help}</p>}
      {anchor && <ErrorText name={props.name} errors={props.errors} />}
      <Choices name={props.name} type={props.type} options={props.options} register={props.register} invalid={invalid} inline={props.inline} anchor={anchor} defaults={props.defaults} required={props.required} />
    </fieldset>
  );
}

const opts = (options: Option[], locale: Locale) => options.map((o) => ({ value: o.value, label: localize(o.label, locale) }));

/**
 * Options filtered by earlier answers (choice_filter). Without JavaScript, an option that depends
 * on this same section cannot react: it is shown, and the server refuses it if it does not apply.
 */
function offered(options: Option[], flow: Flow, state: RenderState): Option[] {
  const own = new Set(flow.sections.flatMap((s) => s.questions.map((q) => q.id)));
  return options.filter((o) => {
    if (!o.showIf) return true;
    if (!state.hydrated && referencedQuestions(o.showIf).some((r) => own.has(r))) return true;
    return evaluate(o.showIf, state.answers);
  });
}

export function QuestionField({ q, flow, state, register, values, errors, locale, strings, neighbourhoods, defaults }: Props) {
  const hidden = !state.shown.has(q.id);
  const label = (
    <>
      {localize(q.label, locale)}
      {!q.required && <span className="tag"> ({strings.optional})</span>}
      {state.conditional.has(q.id) && q.showIf && <span className="tag"> — {strings.ifConcerned}</span>}
    </>
  );
  const help = q.help ? localize(q.help, locale) : undefined;
  const preferNot = q.preferNot ? [{ value: PREFER_NOT, label: strings.preferNot }] : [];
  const name = fieldName(q.id);
  // Required unless optional, or shown only "if it applies to you" (no-JS readers of a conditional question).
  const required = q.required && !state.conditional.has(q.id);
  const common = { name, legend: label, help, register, errors, hidden, defaults, required };

  switch (q.type) {
    case "single": {
      const options = [...opts(offered(q.options, flow, state), locale), ...preferNot];
      if (q.display === "select") return <SelectField {...common} options={options} strings={strings} />;
      return <ChoiceGroup {...common} type="radio" options={options} />;
    }
    case "yes_no": {
      const options = [{ value: "yes", label: strings.yes }, { value: "no", label: strings.no }];
      if (q.dontKnow) options.push({ value: "dk", label: strings.dontKnow });
      return <ChoiceGroup {...common} type="radio" inline options={[...options, ...preferNot]} />;
    }
    case "multiple":
      return <ChoiceGroup {...common} type="checkbox" options={[...opts(offered(q.options, flow, state), locale), ...preferNot]} />;
    case "neighbourhood":
      return (
        <SelectField
          {...common}
          strings={strings}
          options={[
            ...neighbourhoods.map((n) => ({ value: n.code, label: n.name, group: n.group ?? undefined })),
            { value: OUTSIDE_TERRITORY, label: strings.outside },
            { value: DONT_KNOW, label: strings.dontKnow },
            ...preferNot,
          ]}
        />
      );
    case "number":
    case "year":
    case "decimal":
    case "date":
    case "text":
    case "long_text":
      return <InputField {...common} q={q} strings={strings} />;
    case "note":
      return (
        <div className="question note" hidden={hidden} id={name}>
          <p>{localize(q.label, locale)}</p>
          {help && <p className="hint">{help}</p>}
        </div>
      );
    case "benefit_grid":
      return <GridField q={q} state={state} register={register} values={values} errors={errors} locale={locale} strings={strings} hidden={hidden} label={label} help={help} defaults={defaults} />;
    case "cascade":
      return <CascadeField q={q} flow={flow} state={state} register={register} values={values} errors={errors} locale={locale} strings={strings} hidden={hidden} label={label} help={help} defaults={defaults} />;
  }
}

function SelectField(props: {
  name: string; legend: React.ReactNode; help?: string; register: UseFormRegister<Values>; errors: FieldErrors<Values>;
  hidden?: boolean; strings: SectionStrings; required?: boolean; options: { value: string; label: string; group?: string }[]; defaults: Values;
}) {
  const invalid = !!props.errors[props.name];
  const groups = new Map<string, typeof props.options>();
  for (const o of props.options) groups.set(o.group ?? "", [...(groups.get(o.group ?? "") ?? []), o]);
  return (
    <div className="question" hidden={props.hidden}>
      <label className="label" htmlFor={props.name}>{props.legend}</label>
      {props.help && <p className="hint" id={`help-${props.name}`}>{props.help}</p>}
      <ErrorText name={props.name} errors={props.errors} />
      <select
        id={props.name}
        aria-required={props.required || undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={[props.help ? `help-${props.name}` : "", invalid ? errId(props.name) : ""].filter(Boolean).join(" ") || undefined}
        defaultValue={String(props.defaults[props.name] ?? "")}
        {...props.register(props.name)}
      >
        <option value="">{props.strings.chooseOne}</option>
        {[...groups.entries()].map(([group, options]) =>
          group ? (
            <optgroup key={group} label={group}>
              {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </optgroup>
          ) : (
            options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)
          ),
        )}
      </select>
    </div>
  );
}

function InputField(props: {
  name: string; legend: React.ReactNode; help?: string; register: UseFormRegister<Values>; errors: FieldErrors<Values>;
  hidden?: boolean; strings: SectionStrings; required?: boolean; q: QuestionOf<"number" | "year" | "decimal" | "date" | "text" | "long_text">; defaults: Values;
}) {
  const initial = String(props.defaults[props.name] ?? "");
  const { q, name } = props;
  const invalid = !!props.errors[name];
  const describedBy = [props.help ? `help-${name}` : "", invalid ? errId(name) : ""].filter(Boolean).join(" ") || undefined;
  const numeric = q.type === "number" || q.type === "year";
  return (
    <div className="question" hidden={props.hidden}>
      <label className="label" htmlFor={name}>{props.legend}</label>
      {props.help && <p className="hint" id={`help-${name}`}>{props.help}</p>}
      <ErrorText name={name} errors={props.errors} />
      {q.type === "long_text" ? (
        <textarea id={name} maxLength={q.maxLength} aria-required={props.required || undefined} aria-invalid={invalid || undefined} aria-describedby={describedBy} defaultValue={initial} {...props.register(name)} />
      ) : q.type === "date" ? (
        <input id={name} type="date" aria-required={props.required || undefined} aria-invalid={invalid || undefined} aria-describedby={describedBy} defaultValue={initial} {...props.register(name)} />
      ) : (
        <input
          id={name}
          type="text"
          inputMode={numeric ? "numeric" : q.type === "decimal" ? "decimal" : undefined}
          maxLength={q.type === "text" ? q.maxLength : q.type === "decimal" ? 24 : 12}
          aria-required={props.required || undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          defaultValue={initial}
          {...props.register(name)}
        />
      )}
      {q.preferNot && (
        <label className="choice" htmlFor={preferNotField(q.id)} style={{ marginTop: ".5rem" }}>
          <input id={preferNotField(q.id)} type="checkbox" value="on" defaultChecked={!!props.defaults[preferNotField(q.id)]} {...props.register(preferNotField(q.id))} />
          <span>{props.strings.preferNot}</span>
        </label>
      )}
    </div>
  );
}

type CompositeProps = {
  state: RenderState; register: UseFormRegister<Values>; values: Values; errors: FieldErrors<Values>;
  locale: Locale; strings: SectionStrings; hidden: boolean; label: React.ReactNode; help?: string; defaults: Values;
};

function GridField({ q, state, register, values, errors, locale, strings, hidden, label, help, defaults }: CompositeProps & { q: QuestionOf<"benefit_grid"> }) {
  return (
    <fieldset className="question" hidden={hidden}>
      <legend>{label}</legend>
      {help && <p className="hint">{help}</p>}
      {q.rows.map((row) => {
        const rowValues: Record<string, string> = {};
        return (
          <fieldset key={row.value} className="grid-row">
            <legend>{localize(row.label, locale)}</legend>
            {q.columns.map((col) => {
              const name = fieldName(q.id, row.value, col.id);
              const shown = !state.hydrated || rowMatches(rowValues, col.showIf);
              const v = values[name];
              if (shown && typeof v === "string" && v) rowValues[col.id] = v;
              return (
                <ChoiceGroup
                  key={col.id}
                  className="subq"
                  name={name}
                  legend={<>{localize(col.label, locale)}{!state.hydrated && col.showIf && <span className="tag"> — {strings.ifConcerned}</span>}</>}
                  type="radio"
                  inline
                  options={opts(col.options, locale)}
                  register={register}
                  errors={errors}
                  defaults={defaults}
                  hidden={!shown}
                />
              );
            })}
          </fieldset>
        );
      })}
    </fieldset>
  );
}

function CascadeField({ q, flow, state, register, values, errors, locale, hidden, label, help, defaults }: CompositeProps & { q: QuestionOf<"cascade">; flow: Flow }) {
  const items = cascadeItems(flow, q, state.answers);
  return (
    <div className="question" hidden={hidden}>
      {items.map((item) => {
        const rowLabel = cascadeRowLabel(flow, q, item);
        return (
          <fieldset key={item || "single"} className={q.forEach ? "grid-row" : undefined}>
            <legend>
              {label}
              {rowLabel && <> — {localize(rowLabel, locale)}</>}
            </legend>
            {help && <p className="hint">{help}</p>}
            <CascadeLevel q={q} item={item} depth={0} parent={undefined} options={q.options} register={register} values={values} errors={errors} locale={locale} state={state} defaults={defaults} />
          </fieldset>
        );
      })}
    </div>
  );
}

function CascadeLevel(props: {
  q: QuestionOf<"cascade">; item: string; depth: number; parent: string | undefined; options: CascadeOption[];
  register: UseFormRegister<Values>; values: Values; errors: FieldErrors<Values>; locale: Locale; state: RenderState;
  anchor?: boolean; defaults: Values;
}) {
  const { q, item, depth, parent, options, register, values, errors, locale, state, anchor, defaults } = props;
  const level = q.levels[depth];
  const name = fieldName(q.id, item, level.id);
  const current = values[name];
  const selected = typeof current === "string" ? (depth === 0 ? current : current.split(":").pop()) : undefined;
  const withChildren = options.filter((o) => o.children?.length);
  return (
    <>
      <ChoiceGroup
        className="subq"
        name={name}
        legend={<>{localize(level.label, locale)}{parent && <span className="tag"> ({localize(findLabel(q.options, parent), locale)})</span>}</>}
        type="radio"
        options={options.map((o) => ({ value: depth === 0 ? o.value : cascadeValue(parent!, o.value), label: localize(o.label, locale) }))}
        register={register}
        errors={errors}
        anchor={anchor}
        defaults={defaults}
      />
      {depth + 1 < q.levels.length &&
        withChildren.map((o, i) => {
          // Without JavaScript every sub-list is shown under its parent's name; with it, only
          // the one under the current choice.
          if (state.hydrated && o.value !== selected) return null;
          return (
            <CascadeLevel
              key={o.value} {...props} depth={depth + 1} parent={o.value} options={o.children!}
              anchor={selected ? o.value === selected : i === 0}
            />
          );
        })}
    </>
  );
}

function findLabel(options: CascadeOption[], value: string): CascadeOption["label"] | undefined {
  for (const o of options) {
    if (o.value === value) return o.label;
    const inner = o.children ? findLabel(o.children, value) : undefined;
    if (inner) return inner;
  }
  return undefined;
}
