import { translatorFor, type T } from "@/lib/i18n/translator";
import type { Issue } from "./types";

/**
 * One issue as a sentence naming its place: "file, feature no. n (code c): message".
 * Feature numbers are 1-based (as people count); coordinates are shown as in the file.
 */
export function formatIssue(issue: Issue, t: T = translatorFor("fr")): string {
  const params = Object.fromEntries(Object.entries(issue.params ?? {}).map(([k, v]) => [k, k === "x" || k === "y" ? String(v) : v]));
  const where = issue.index === undefined
    ? t("boundaries.where.file", { file: issue.file })
    : issue.areaCode
      ? t("boundaries.where.featureCode", { file: issue.file, n: issue.index + 1, code: issue.areaCode })
      : t("boundaries.where.feature", { file: issue.file, n: issue.index + 1 });
  const message = t(`boundaries.issues.${issue.code}`, params as Record<string, string | number>);
  return where ? t("boundaries.at", { where, message }) : message;
}
