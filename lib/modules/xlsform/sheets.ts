import { columnLetter, type XlsformIssue } from "./issues";

/**
 * A workbook as plain text cells: `rows[0]` is the header row (spreadsheet row 1). Blank rows are
 * kept as empty arrays so that row numbers stay those the author sees.
 */
export type SheetData = { name: string; rows: string[][] };
export type WorkbookData = Map<string, SheetData>; // by lower-case sheet name

export const LIMITS = {
  surveyRows: 1000,
  choicesRows: 5000,
  settingsRows: 20,
  columns: 60,
  cellChars: 4000,
};

/** One header: its base name (snake_case, aliases resolved) and language, if any. */
export type Header = { index: number; letter: string; raw: string; base: string; lang?: string };

const ALIASES: Record<string, string> = {
  relevance: "relevant",
  constraint_msg: "constraint_message",
  "jr:constraintmsg": "constraint_message",
  choice_filters: "choice_filter",
  list: "list_name",
  listname: "list_name",
  value: "name",
  caption: "label",
};

const LANGUAGE_NAMES: Record<string, string> = {
  fr: "fr", french: "fr", "français": "fr", francais: "fr",
  en: "en", english: "en", anglais: "en",
};

/** "Français (fr)", "fr", "French" → "fr"; another language → its code or name, lower-case. */
export function languageCode(raw: string): string {
  const text = raw.trim().toLowerCase();
  const m = /\(([a-z]{2,3}(?:-[a-z0-9]+)*)\)\s*$/.exec(text);
  if (m) return m[1];
  return LANGUAGE_NAMES[text] ?? text;
}

export function parseHeader(raw: string, index: number): Header {
  const [head, ...rest] = raw.split("::");
  let base = head.trim().toLowerCase().replace(/\s+/g, "_");
  base = ALIASES[base] ?? base;
  const lang = rest.length ? languageCode(rest.join("::")) : undefined;
  return { index, letter: columnLetter(index), raw: raw.trim(), base, lang };
}

/** Reads the header row: the headers, and the faults (two headers for one column). */
export function readHeaders(sheet: SheetData): { headers: Header[]; issues: XlsformIssue[] } {
  const issues: XlsformIssue[] = [];
  const headers: Header[] = [];
  const seen = new Map<string, Header>();
  (sheet.rows[0] ?? []).forEach((raw, index) => {
    if (!raw || !raw.trim()) return;
    const h = parseHeader(raw, index);
    const key = `${h.base}::${h.lang ?? ""}`;
    if (seen.has(key)) {
      issues.push({ code: "duplicate_column", sheet: sheet.name, row: 1, column: `${h.letter} (${h.raw})`, params: { header: h.raw } });
      return;
    }
    seen.set(key, h);
    headers.push(h);
  });
  return { headers, issues };
}

/** Access to one data row by header. */
export class Row {
  constructor(readonly sheet: string, readonly number: number, readonly cells: string[], readonly headers: Header[]) {}

  header(base: string, lang?: string): Header | undefined {
    return this.headers.find((h) => h.base === base && h.lang === lang);
  }
  get(base: string, lang?: string): string {
    const h = this.header(base, lang);
    return h ? (this.cells[h.index] ?? "").trim() : "";
  }
  /** The place of a cell, for messages: sheet, row, "D (relevant)". */
  place(base: string, lang?: string) {
    const h = this.header(base, lang) ?? this.headers.find((x) => x.base === base);
    return { sheet: this.sheet, row: this.number, column: h ? `${h.letter} (${h.raw})` : base };
  }
  isBlank(): boolean {
    return this.cells.every((c) => !c || !c.trim());
  }
}

export function dataRows(sheet: SheetData, headers: Header[]): Row[] {
  return sheet.rows.slice(1).map((cells, i) => new Row(sheet.name, i + 2, cells, headers)).filter((r) => !r.isBlank());
}
