import type { T } from "@/lib/i18n/translator";

/**
 * One problem of an imported sheet, placed by row (the spreadsheet's own row number) and column
 * ("C (Service détecteur)"). `code` names a message of detectionImport.problems. An error on the
 * header row refuses the whole file; an error on a data row refuses that row; a warning refuses
 * nothing (e.g. an unknown column that is ignored).
 */
export type ProblemCode =
  | "unreadable" | "tooLarge" | "tooManyRows" | "noSheet" | "empty" | "missingColumn" | "duplicateColumn" | "identityColumn" | "unknownColumn"
  | "required" | "household" | "date" | "dateRange" | "service" | "sector" | "integer" | "nature" | "benefit" | "domain" | "actor"
  | "forme" | "reason" | "level" | "levelWithoutForme" | "noForme" | "intensity" | "yesNo" | "origin" | "originHousehold" | "originSelf"
  | "action" | "time" | "euros" | "aidNotInstructing" | "grantedWithoutRequest" | "summaryTooLong" | "text" | "domainOnFinancial" | "natureConflict";

export type ImportProblem = {
  level: "error" | "warning";
  code: ProblemCode;
  /** The spreadsheet row (1 = headers); null for the file as a whole. */
  row: number | null;
  column: string | null;
  params?: Record<string, string | number>;
};

/** "Ligne 12, colonne C (Service détecteur)" — the place alone, for the table of problems. */
export function formatProblemPlace(t: T, p: ImportProblem): string {
  return [
    p.row ? t("detectionImport.placeRow", { row: p.row }) : t("detectionImport.placeFile"),
    p.column ? t("detectionImport.placeColumn", { column: p.column }) : "",
  ].filter(Boolean).join(", ");
}

export function formatProblemMessage(t: T, p: ImportProblem): string {
  return t(`detectionImport.problems.${p.code}`, p.params ?? {});
}

export function formatProblem(t: T, p: ImportProblem): string {
  return `${formatProblemPlace(t, p)}${t("detectionImport.placeSep")}${formatProblemMessage(t, p)}`;
}
