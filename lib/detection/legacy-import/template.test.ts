import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { mergeLists } from "../options";
import { parseLegacyRows } from "./parse-rows";
import { readLegacySheet } from "./read-sheet";
import { buildTemplate } from "./template";

const services = [
  { id: "a", code: "asf", label: "Aide sociale facultative", instructsOptionalAid: true, archived: false },
  { id: "e", code: "ep", label: "Écrivains publics", instructsOptionalAid: false, archived: false },
];

describe("the import template", () => {
  it("has its three sheets, the territory's lists, and a readme line per column", async () => {
    const lists = mergeLists([{ list: "actor", code: "caf", label: "CAF", parentCode: null, position: 0, archivedAt: new Date() }]);
    const bytes = await buildTemplate({ lists, services, areas: [{ code: "S1", name: "Secteur 1" }] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Situations", "Listes", "Lisez-moi"]);
    const listes = wb.getWorksheet("Listes")!;
    const column = (header: string) => {
      const at = (listes.getRow(1).values as string[]).indexOf(header);
      return (listes.getColumn(at).values as (string | null)[]).slice(2).filter(Boolean);
    };
    expect(column("Territoire d'intervention")).toEqual(["Secteur 1"]);
    expect(column("Acteurs publics concernés")).toContain("CPAM");
    expect(column("Acteurs publics concernés")).not.toContain("CAF"); // archived by the territory
    expect(column("Non proposition (raisons)")).toEqual(["Non connaissance par l'agent", "Protection", "Discrimination", "Fin des ressources"]);
    const readme = wb.getWorksheet("Lisez-moi")!;
    expect(readme.rowCount).toBe(4 + (wb.getWorksheet("Situations")!.getRow(1).cellCount));
  });

  it("read back, its headers are all recognised", async () => {
    const rows = await readLegacySheet(await buildTemplate({ lists: mergeLists([]), services, areas: [] }, [["M-1", "05/03/2015", "EP"]]));
    const r = parseLegacyRows(rows, { lists: mergeLists([]), services, areas: [], today: "2026-01-01" });
    expect(r.problems.map((p) => p.code)).toEqual(["noForme"]);
  });
});
