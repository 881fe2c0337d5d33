import type { RowError } from "./parse-import";

/**
 * The faults of a refused import travel to the page in its address (post/redirect/get): row
 * numbers and message keys only, never the file's content. At most 30.
 */
export function encodeRowErrors(errors: RowError[]): string {
  return errors.slice(0, 30).map((e) => `${e.row}.${e.field}.${e.message}`).join("~");
}

export function decodeRowErrors(s: string | undefined): RowError[] {
  if (!s) return [];
  return s.slice(0, 3000).split("~").flatMap((part) => {
    const m = /^(\d{1,5})\.([a-z_]{1,30})\.([a-z_]{1,40})$/.exec(part);
    return m ? [{ row: Number(m[1]), field: m[2], message: m[3] }] : [];
  });
}
