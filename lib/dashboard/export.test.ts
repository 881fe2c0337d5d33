import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { percentText, viewToCsv, viewToXlsx, type ExportLabels } from "./export";
import { figure, type DashboardView } from "./view";

const labels: ExportLabels = {
  header: ["Zone", "Taux (%)", "Borne basse IC 95 % (%)", "Borne haute IC 95 % (%)", "Numérateur", "Dénominateur", "Masqué"],
  unknownArea: "Quartier non renseigné", total: "Ensemble", yes: "oui", no: "non", sheet: "Tableau", viewSheet: "Vue et filtres",
  description: "Vue", threshold: "Seuil : 5", figures: "Chiffres publiés", exportedAt: "Exporté le lun. 30 nov. 2026, 04:30 (heure de Paris)", locale: "fr",
};
const view = {
  rows: [{ ...figure(49, 80, false, null), key: "a", name: "Mosson", parent: null, cls: 0, colour: "#4f8fcc" }, { ...figure(0, 0, true, "small_count"), key: "b", name: "Blayac", parent: null, cls: -1, colour: "" }],
  unknown: figure(0, 0, false, null), total: figure(49, 80, false, null),
} as unknown as DashboardView;

describe("dashboard exports for French spreadsheets", () => {
  it("writes rates with a decimal comma in French, a point in English", () => {
    expect(percentText(0.6125, "fr")).toBe("61,3");
    expect(percentText(0.6125, "en")).toBe("61.3");
    expect(percentText(null, "fr")).toBeNull();
    const csv = viewToCsv(view, labels);
    expect(csv).toContain('"Mosson";"61,3";"50,3";"71,2";"49";"80";"non"');
    expect(csv).toContain('"Blayac";"";"";"";"";"";"oui"');
  });

  it("gives the workbook real sheet names, numeric rates in percent format and the export time", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await viewToXlsx(view, labels)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tableau", "Vue et filtres"]);
    const cell = wb.worksheets[0].getRow(2).getCell(2);
    expect(cell.value).toBeCloseTo(0.6125, 6);
    expect(cell.numFmt).toBe("0.0%");
    expect(wb.worksheets[1].getColumn(1).values).toContain("Exporté le lun. 30 nov. 2026, 04:30 (heure de Paris)");
  });
});
