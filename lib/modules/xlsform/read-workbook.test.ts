import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { questionnaireSchema } from "@/lib/questionnaire/definition-schema";
import { exportXlsform, expressionOf, ExportError } from "./export";
import { compileXlsform } from "./compile";
import { XlsformError } from "./issues";
import { readWorkbook } from "./read-workbook";

async function codeOf(p: Promise<unknown>) {
  const err = await p.catch((e: unknown) => e);
  if (!(err instanceof XlsformError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err.issues.map((i) => i.code);
}

describe("readWorkbook", () => {
  it("reads text cells of survey, choices and settings; rich text, formulas (cached result), numbers, booleans", async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet("Survey");
    s.addRow(["type", "name", "label::fr"]);
    s.addRow(["text", "t1", { richText: [{ text: "Votre " }, { font: { bold: true }, text: "avis" }] }]);
    s.addRow(["integer", { formula: "LOWER(\"N1\")", result: "n1" }, 12]);
    s.addRow([true, null, ""]);
    wb.addWorksheet("notes").addRow(["ignored"]);
    wb.definedNames.add("survey!$A$1:$A$1048576", "whole");
    const data = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect([...data.keys()]).toEqual(["survey"]);
    expect(data.get("survey")!.rows).toEqual([["type", "name", "label::fr"], ["text", "t1", "Votre avis"], ["integer", "n1", "12"], ["true"]]);
  });

  it("refuses what is not an xlsx, a corrupt archive, a zip without a workbook, and an oversized sheet", async () => {
    expect(await codeOf(readWorkbook(strToU8("type,name\ntext,a")))).toEqual(["not_xlsx"]);
    expect(await codeOf(readWorkbook(zipSync({ "readme.txt": strToU8("hello") })))).toEqual(["not_xlsx"]);
    expect(await codeOf(readWorkbook(zipSync({ "xl/workbook.xml": strToU8("<not xml") })))).toEqual(["corrupt"]);
    const bomb = zipSync({ "xl/workbook.xml": new Uint8Array(30 * 1024 * 1024) }, { level: 9 });
    expect(await codeOf(readWorkbook(bomb))).toEqual(["zip_bomb"]);
    const big = new ExcelJS.Workbook();
    const s = big.addWorksheet("settings");
    for (let i = 0; i < 30; i++) s.addRow(["x"]);
    expect(await codeOf(readWorkbook(new Uint8Array(await big.xlsx.writeBuffer())))).toEqual(["too_many_rows"]);
  });
});

describe("export to XLSForm", () => {
  it("writes conditions as XLSForm expressions", () => {
    expect(expressionOf({ all: [{ q: "a", op: "answered" }, { not: { q: "a", op: "includes", value: "none" } }] }))
      .toBe("${a} != '' and not(selected(${a}, 'none'))");
    expect(expressionOf({ any: [{ q: "n", op: "gt", value: 3 }, { all: [{ q: "c", op: "eq", value: "x" }, { q: "n", op: "lte", value: 1 }] }] }))
      .toBe("${n} > 3 or (${c} = 'x' and ${n} <= 1)");
    expect(expressionOf({ all: [{ q: "n", op: "gte", value: 0 }, { q: "n", op: "lt", value: 10 }] }, "n")).toBe(". >= 0 and . < 10");
  });

  it("round-trips or_other (written back as or_other) together with a choice_filter", async () => {
    const common = questionnaireSchema.parse(commonQuestionnaire);
    const sheets = new Map([
      ["survey", { name: "survey", rows: [
        ["type", "name", "label::fr", "label::en", "choice_filter", "required"],
        ["select_one kinds", "kind", "Genre", "Kind", "", "yes"],
        ["select_one places or_other", "place", "Lieu", "Place", "k = ${kind}", "yes"],
      ] }],
      ["choices", { name: "choices", rows: [
        ["list_name", "name", "label::fr", "label::en", "k"],
        ["kinds", "a", "A", "A"], ["kinds", "b", "B", "B"],
        ["places", "p1", "Lieu 1", "Place 1", "a"], ["places", "p2", "Lieu 2", "Place 2", "b"],
      ] }],
      ["settings", { name: "settings", rows: [["form_title", "form_id"], ["Essai", "essai"]] }],
    ]);
    const def = questionnaireSchema.parse(compileXlsform(sheets, { common }).definition);
    const bytes = await exportXlsform(def);
    const back = await readWorkbook(bytes);
    expect(back.get("survey")!.rows.map((r) => r[0])).toContain("select_one place or_other");
    expect(questionnaireSchema.parse(compileXlsform(back, { common }).definition)).toEqual(def);
  });

  it("refuses to export what the subset cannot say rather than lose it (grids, cascades, prefer-not)", async () => {
    await expect(exportXlsform(questionnaireSchema.parse(commonQuestionnaire))).rejects.toBeInstanceOf(ExportError);
  });
});
