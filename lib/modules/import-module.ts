import type { Db, Tx } from "@/db/client";
import { writeAudit } from "@/lib/audit/write-audit";
import type { QuestionnaireInput } from "@/lib/questionnaire/definition-schema";
import { latestVersion, publishVersion } from "@/lib/questionnaire/versions";
import { compileXlsform, type CompiledModule } from "./xlsform/compile";
import { readWorkbook } from "./xlsform/read-workbook";

/**
 * The one import path of a territory's module: XLSForm bytes → compiled definition (checked
 * against the common questionnaire it follows) → a new published version, audited. Used by the
 * staff page, `npm run module:import` and the demo seed.
 */
export type ModuleActor = { userId: string } | "system";

/** Reads and compiles an XLSForm upload; throws XlsformError with every fault. */
export async function compileModuleFile(db: Db, bytes: Uint8Array): Promise<CompiledModule> {
  const common = await latestVersion(db, null);
  const workbook = await readWorkbook(bytes);
  return compileXlsform(workbook, { common: common?.definition });
}

const questionCount = (def: QuestionnaireInput) => def.sections.reduce((n, s) => n + s.questions.length, 0);

/**
 * Publishes a compiled module for a territory (a new version only if it changed), with its audit
 * row in the same transaction. `extra` runs in that transaction too (e.g. removing the draft).
 */
export async function publishModule(
  db: Db, territoryId: string, definition: QuestionnaireInput, actor: ModuleActor,
  opts: { source: string; formVersion?: string | null; also?: (tx: Tx) => Promise<void> } = { source: "xlsform" },
) {
  return publishVersion(db, territoryId, definition, async (tx: Tx, row) => {
    if (opts.also) await opts.also(tx);
    await writeAudit(tx, {
      territoryId,
      actorUserId: actor === "system" ? null : actor.userId,
      actorKind: actor === "system" ? "system" : "staff",
      action: "module.publish",
      entity: "questionnaire_version",
      entityId: row.id,
      details: { version: row.version, key: definition.key, questions: questionCount(definition), source: opts.source, formVersion: opts.formVersion ?? null },
    });
  });
}

/** File → published version in one call (the command and the seed). */
export async function importModuleFile(db: Db, territoryId: string, bytes: Uint8Array, actor: ModuleActor, source = "xlsform") {
  const compiled = await compileModuleFile(db, bytes);
  const published = await publishModule(db, territoryId, compiled.definition, actor, { source, formVersion: compiled.version });
  return { ...published, key: compiled.definition.key, formVersion: compiled.version };
}
