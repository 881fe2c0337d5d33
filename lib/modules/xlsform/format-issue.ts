import type { T } from "@/lib/i18n/translator";
import type { XlsformIssue } from "./issues";

/** "Feuille « survey », ligne 12, colonne D (relevant) : La question « x » n'existe pas." */
export function formatIssue(t: T, issue: XlsformIssue): string {
  const place = [
    issue.sheet ? t("xlsform.placeSheet", { sheet: issue.sheet }) : "",
    issue.row ? t("xlsform.placeRow", { row: issue.row }) : "",
    issue.column ? t("xlsform.placeColumn", { column: issue.column }) : "",
  ].filter(Boolean).join(", ");
  const message = t(`xlsform.errors.${issue.code}`, issue.params ?? {});
  return place ? `${place}${t("xlsform.placeSep")}${message}` : message;
}

/** The place alone (for a table of errors). */
export function formatPlace(t: T, issue: XlsformIssue): string {
  return [
    issue.sheet ? t("xlsform.placeSheet", { sheet: issue.sheet }) : "",
    issue.row ? t("xlsform.placeRow", { row: issue.row }) : "",
    issue.column ? t("xlsform.placeColumn", { column: issue.column }) : "",
  ].filter(Boolean).join(", ");
}
