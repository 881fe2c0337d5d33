import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { moduleDrafts } from "@/db/schema";
import { writeAudit } from "@/lib/audit/write-audit";
import { questionnaireSchema, type QuestionnaireDefinition } from "@/lib/questionnaire/definition-schema";
import { compileModuleFile, publishModule } from "./import-module";
import { XlsformError, type XlsformIssue } from "./xlsform/issues";

/**
 * The staff page's steps: upload (→ a draft, or the faults), preview the draft, publish it.
 * A territory has at most one draft; each upload replaces it.
 */
export type ModuleDraft = {
  definition: QuestionnaireDefinition | null;
  issues: XlsformIssue[];
  fileName: string;
  formVersion: string | null;
  uploadedAt: Date;
};

export async function getModuleDraft(db: Db, territoryId: string): Promise<ModuleDraft | null> {
  const [row] = await db.select().from(moduleDrafts).where(eq(moduleDrafts.territoryId, territoryId)).limit(1);
  if (!row) return null;
  return {
    definition: row.definition ? questionnaireSchema.parse(row.definition) : null,
    issues: (row.issues ?? []) as XlsformIssue[],
    fileName: row.fileName,
    formVersion: row.formVersion,
    uploadedAt: row.uploadedAt,
  };
}

/** Compiles an upload and keeps it as the territory's draft (or keeps its faults), audited. */
export async function uploadModuleDraft(db: Db, territoryId: string, bytes: Uint8Array, fileName: string, actor: { userId: string }) {
  let definition: QuestionnaireDefinition | null = null;
  let issues: XlsformIssue[] = [];
  let formVersion: string | null = null;
  try {
    const compiled = await compileModuleFile(db, bytes);
    definition = questionnaireSchema.parse(compiled.definition);
    formVersion = compiled.version ?? null;
  } catch (err) {
    if (!(err instanceof XlsformError)) throw err;
    issues = err.issues;
  }
  const values = { definition, issues, fileName: fileName.slice(0, 200), formVersion, uploadedBy: actor.userId, uploadedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(moduleDrafts).values({ territoryId, ...values })
      .onConflictDoUpdate({ target: moduleDrafts.territoryId, set: values });
    await writeAudit(tx, {
      territoryId, actorUserId: actor.userId, actorKind: "staff", action: "module.draft_upload", entity: "module_draft",
      entityId: territoryId, details: { accepted: !!definition, issues: issues.length },
    });
  });
  return { accepted: !!definition, issues };
}

/** Publishes the draft as the territory's new module version and removes the draft. */
export async function publishModuleDraft(db: Db, territoryId: string, actor: { userId: string }) {
  const draft = await getModuleDraft(db, territoryId);
  if (!draft?.definition) return null;
  const removeDraft = async (tx: Pick<Db, "delete">) => { await tx.delete(moduleDrafts).where(eq(moduleDrafts.territoryId, territoryId)); };
  const result = await publishModule(db, territoryId, draft.definition, actor, {
    source: "upload", formVersion: draft.formVersion, also: removeDraft,
  });
  if (!result.created) await removeDraft(db); // the same module as the current one: nothing to publish
  return result;
}

export async function discardModuleDraft(db: Db, territoryId: string) {
  await db.delete(moduleDrafts).where(eq(moduleDrafts.territoryId, territoryId));
}
