import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { writeSheets } from "@/lib/modules/xlsform/write-sheets";
import { fictionalTerritory } from "@/lib/territories/fictional";
import { upsertTerritory } from "@/lib/territories/upsert-territory";

/**
 * The stable contract of `npm run detection:import -- --territory <slug> --file <xlsx> [--dry-run]`:
 * counts on success; on any problem exit 1, each problem by row and column, nothing written.
 */
const run = promisify(execFile);
const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
const HEADERS = ["Identifiant ménage", "Date", "Service détecteur", "Non réception"];

// Each run starts a process that opens the embedded database: slow on a busy machine.
describe("npm run detection:import", { timeout: 180_000 }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "detection-import-"));
  const env = { ...process.env, PGLITE_DATA_DIR: path.join(dir, "pglite"), DATABASE_URL: "" };
  const command = (file: string, ...extra: string[]) =>
    run(tsx, ["scripts/detection-import.ts", "--territory", "demo", "--file", file, ...extra], { env, timeout: 60_000 });

  beforeAll(async () => {
    const h = await openDatabase({ dataDir: env.PGLITE_DATA_DIR });
    await upsertTerritory(h.db, fictionalTerritory());
    await h.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a faulty file: exit 1, every problem by row and column, nothing written", async () => {
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, await writeSheets({ Situations: [HEADERS, ["M-1", "05/03/2015", "EP", "x"], ["M-2", "05/03/2015", "Mairie", "x"]] }));
    const err = (await command(bad, "--dry-run").catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("Ligne 3, colonne C (Service détecteur)\u00a0: Service inconnu\u00a0: «\u00a0Mairie\u00a0»");
    const real = (await command(bad).catch((e: unknown) => e)) as { code: number; stderr: string };
    expect(real.code).toBe(1);
    expect(real.stderr).toContain("Rien n'a été enregistré.");
  });

  it("a valid file is imported once; the same file again adds nothing", async () => {
    const good = path.join(dir, "good.xlsx");
    fs.writeFileSync(good, await writeSheets({ Situations: [HEADERS, ["M-1", "05/03/2015", "EP", "x"], ["M-2", "05/03/2015", "ASF", "Oubli"]] }));
    expect((await command(good, "--dry-run")).stdout).toMatch(/Essai .*: 2 ligne\(s\) lue\(s\) ; 2 ajoutée\(s\) ; 0 déjà présente\(s\)/);
    expect((await command(good)).stdout).toMatch(/Import terminé .*: 2 ligne\(s\) lue\(s\) ; 2 ajoutée\(s\) ; 0 déjà présente\(s\) ; 0 refusée\(s\)\./);
    expect((await command(good)).stdout).toMatch(/; 0 ajoutée\(s\) ; 2 déjà présente\(s\)/);
  });
});
