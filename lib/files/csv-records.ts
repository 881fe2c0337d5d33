/**
 * RFC 4180-style records (sites and help-points imports): blank records dropped; quoted
 * fields may hold the delimiter, quotes ("") and line breaks.
 */
export function csvRecords(text: string, delimiter: string): string[][] {
  const out: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) { record.push(field); field = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field); field = "";
      out.push(record); record = [];
    } else field += c;
  }
  if (field !== "" || record.length) { record.push(field); out.push(record); }
  return out.filter((r) => r.some((f) => f.trim() !== ""));
}
