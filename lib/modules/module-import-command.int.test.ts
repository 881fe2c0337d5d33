import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { publishVersion } from "@/lib/questionnaire/versions";
import { fictionalTerritory } from "@/lib/territories/fictional";
import { upsertTerritory } from "@/lib/territories/upsert-territory";
import { writeSheets } from "./xlsform/write-sheets";

/**
 * The stable contract of `npm run module:import -- --territory <slug> --file <xlsx>`: publishes
 * and prints the version; on refusal, exit code 1 and every fault with sheet, row and column.
 */
const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

// Each run starts a process that opens the embedded database: slow on a busy machine.
describe("npm run module:import", { timeout: 180_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "module-import-"));
  const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "" };
  const command = (file: string) => run(tsx, ["scripts/module-import.ts", "--territory", "demo", "--file", file], { env, timeout: 60_000 });

  beforeAll(async () => {
    const h = await openDatabase({ dataDir: env.PGLITE_DATA_DIR });
    await publishVersion(h.db, null, commonQuestionnaire);
    await upsertTerritory(h.db, fictionalTerritory());
    await h.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("publishes a module and prints its version; the same file again publishes nothing", async () => {
    const first = await command("fixtures/modules/grenoble.xlsx");
    expect(first.stdout).toMatch(/Module « grenoble » publié pour .* : version 1\./);
    const again = await command("fixtures/modules/grenoble.xlsx");
    expect(again.stdout).toMatch(/inchangé .* version 1 est déjà publiée/);
  });

  it("refuses a faulty file with exit code 1 and the place of each fault", async () => {
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, await writeSheets({
      survey: [["type", "name", "label::fr", "relevant"], ["integer", "n", "Nombre", ""], ["text", "t", "Texte", "count-selected(${n}) > 1"]],
      choices: [["list_name", "name", "label::fr"]],
      settings: [["form_title", "form_id"], ["Essai", "essai"]],
    }));
    const err = (await command(bad).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/Feuille «\ssurvey\s», ligne 3, colonne D \(relevant\)/);
    expect(err.stderr).toContain("count-selected");
  });
});
