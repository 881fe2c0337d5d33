import { formatProblemMessage, formatProblemPlace, type ImportProblem } from "@/lib/detection/legacy-import/problems";
import type { T } from "@/lib/i18n/translator";

const SHOWN = 300;

/** Every problem of a dry run, by row and column (the first 300, then how many more). */
export function ImportProblemsTable({ problems, t }: { problems: ImportProblem[]; t: T }) {
  return (
    <>
      <table>
        <caption>{t("detectionImport.page.problemsCaption", { count: problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("detectionImport.page.problemPlace")}</th>
            <th scope="col">{t("detectionImport.page.problemMessage")}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((p, i) => (
            <tr key={i}>
              <td>{formatProblemPlace(t, p)}</td>
              <td>
                {p.level === "warning" && <strong>{t("detectionImport.page.warning")} </strong>}
                {formatProblemMessage(t, p)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN && <p>{t("detectionImport.page.moreProblems", { count: problems.length - SHOWN })}</p>}
    </>
  );
}
