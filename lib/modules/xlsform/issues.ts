/**
 * A fault found in an uploaded XLSForm: a message key (translated under `xlsform.errors` in the
 * messages files), its parameters, and the place — sheet, row (1-based, as the spreadsheet shows
 * it) and column (letter and header) — when there is one.
 */
export type XlsformIssueCode =
  | "file_too_large" | "not_xlsx" | "corrupt" | "zip_bomb" | "too_many_entries"
  | "missing_sheet" | "too_many_rows" | "too_many_columns" | "missing_column" | "duplicate_column"
  | "cell_too_long" | "unknown_type" | "missing_name" | "bad_name" | "duplicate_name" | "reserved_name"
  | "missing_label" | "label_too_long" | "bad_required" | "unknown_list" | "empty_list" | "short_list"
  | "bad_choice_name" | "duplicate_choice" | "other_exists" | "nested_group" | "unclosed_group"
  | "stray_end_group" | "empty_group" | "no_questions" | "bad_form_id" | "missing_setting" | "bad_parameters"
  | "expr_syntax" | "expr_function" | "expr_unknown_ref" | "expr_later_ref" | "expr_self_ref"
  | "expr_composite_ref" | "expr_dot" | "expr_value" | "expr_type" | "expr_column" | "expr_filter_empty"
  | "too_many_issues";

export type XlsformPlace = { sheet: string; row?: number; column?: string };
export type XlsformIssue = XlsformPlace & { code: XlsformIssueCode; params?: Record<string, string | number> };

/** Thrown by the reader and the compiler with every fault found (capped). */
export class XlsformError extends Error {
  constructor(readonly issues: XlsformIssue[]) {
    super(`XLSForm refused: ${issues.map((i) => `${i.sheet}!${i.column ?? ""}${i.row ?? ""} ${i.code}`).join(", ")}`);
    this.name = "XlsformError";
  }
}

export const MAX_ISSUES = 50;

/** Column letters as the spreadsheet shows them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
