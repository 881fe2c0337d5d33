/**
 * npm run module:fixtures
 * Writes fixtures/modules/<slug>.xlsx from the readable fixtures/modules/source/<slug>.json (the
 * three XLSForm sheets as rows of cells). The .xlsx files are the fixtures the seed imports;
 * run this after editing a source and commit both.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeSheets, type SheetRows } from "@/lib/modules/xlsform/write-sheets";

const dir = path.join(process.cwd(), "fixtures", "modules");

async function main() {
  for (const file of readdirSync(path.join(dir, "source")).filter((f) => f.endsWith(".json")).sort()) {
    const sheets = JSON.parse(readFileSync(path.join(dir, "source", file), "utf8")) as SheetRows;
    const out = path.join(dir, file.replace(/\.json$/, ".xlsx"));
    writeFileSync(out, await writeSheets({ survey: sheets.survey, choices: sheets.choices, settings: sheets.settings }));
    console.log(`${path.relative(process.cwd(), out)} written`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
