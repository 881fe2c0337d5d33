type Values = Record<string, unknown>;

/**
 * What every server-action form needs of its state: the value typed in a field (one or many),
 * its error shown above it, and the aria attributes that tie the two (aria-invalid,
 * aria-describedby with the hint). `message` turns an error value into text.
 */
export function fieldAccessors(errors: Record<string, string>, values: Values, message: (e: string) => string = (e) => e) {
  const one = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const many = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  const err = (k: string) => errors[k] && <p className="error" id={`err-${k}`}>{message(errors[k])}</p>;
  const aria = (k: string, hint?: string) => ({
    "aria-invalid": errors[k] ? true : undefined,
    "aria-describedby": [hint, errors[k] ? `err-${k}` : ""].filter(Boolean).join(" ") || undefined,
  });
  return { one, many, err, aria };
}
