import { flatRowsFromJson, parseCsv, type DiFlatRow } from "./data-inclusion";

/**
 * An uploaded file (JSON or CSV, told apart by its first character) → flat rows, with the row
 * number of the first one as the person sees it (CSV: line 2, below the header; JSON: structure 1).
 */
export function readPlacesFile(bytes: Uint8Array): { rows: DiFlatRow[]; firstRowNumber: number; format: "json" | "csv" } | { error: string } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return { error: "Le fichier n'est pas en UTF-8." };
  }
  if (/[\u0000]/.test(text)) return { error: "Le fichier contient des caractères non autorisés." };
  const head = text.trimStart()[0];
  if (head === "{" || head === "[") {
    let doc: unknown;
    try { doc = JSON.parse(text); } catch { return { error: "JSON illisible : vérifiez la syntaxe du fichier." }; }
    const rows = flatRowsFromJson(doc);
    return rows ? { rows, firstRowNumber: 1, format: "json" } : { error: "JSON inattendu : une liste de structures data·inclusion est attendue (clé « structures »)." };
  }
  const { header, rows } = parseCsv(text);
  if (!header.includes("id") || !header.includes("nom")) return { error: "CSV inattendu : la première ligne doit nommer les colonnes (au moins « id » et « nom »)." };
  return { rows, firstRowNumber: 2, format: "csv" };
}
