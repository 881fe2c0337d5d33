import { createHash } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { questionnaireVersions } from "@/db/schema";
import { benefitRowsKey, withBenefitRows } from "./benefit-rows";
import { questionnaireSchema, type Option, type QuestionnaireDefinition, type QuestionnaireInput } from "./definition-schema";
import { buildFlow, checkFlow, type Flow } from "./flow";

export type PublishedVersion = { id: string; version: number; definition: QuestionnaireDefinition };

const scopeOf = (territoryId: string | null) => territoryId ?? "common";

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export async function latestVersion(db: Db, territoryId: string | null): Promise<PublishedVersion | null> {
  const [row] = await db
    .select({ id: questionnaireVersions.id, version: questionnaireVersions.version, definition: questionnaireVersions.definition })
    .from(questionnaireVersions)
    .where(eq(questionnaireVersions.scope, scopeOf(territoryId)))
    .orderBy(desc(questionnaireVersions.version))
    .limit(1);
  return row ? { ...row, definition: questionnaireSchema.parse(row.definition) } : null;
}

/**
 * Publishes a definition as a new version of the common questionnaire (territoryId null) or
 * of a territory's module — only if it differs from the latest one. Versions are immutable:
 * older responses keep pointing at the definition they answered.
 */
export async function publishVersion(
  db: Db, territoryId: string | null, input: QuestionnaireInput,
  /** Runs in the publishing transaction once a new version is inserted (e.g. its audit row). */
  onPublished?: (tx: Tx, row: { id: string; version: number }) => Promise<void>,
) {
  const definition = questionnaireSchema.parse(input);
  const contentHash = createHash("sha256").update(canonical(definition)).digest("hex");
  const scope = scopeOf(territoryId);
  // The module is checked against the common questionnaire it will follow (and vice versa).
  const other = territoryId ? await latestVersion(db, null) : null;
  const problems = checkFlow(buildFlow(other?.definition ?? definition, territoryId ? definition : null));
  if (problems.length) throw new Error(`Cannot publish ${definition.key}: ${problems.join("; ")}`);

  return db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ version: questionnaireVersions.version, contentHash: questionnaireVersions.contentHash, id: questionnaireVersions.id })
      .from(questionnaireVersions)
      .where(eq(questionnaireVersions.scope, scope))
      .orderBy(desc(questionnaireVersions.version))
      .limit(1);
    if (latest?.contentHash === contentHash) return { id: latest.id, version: latest.version, created: false };
    const [row] = await tx
      .insert(questionnaireVersions)
      .values({ kind: territoryId ? "module" : "common", scope, territoryId, version: (latest?.version ?? 0) + 1, definition, contentHash })
      .returning({ id: questionnaireVersions.id, version: questionnaireVersions.version });
    if (onPublished) await onPublished(tx, row);
    return { ...row, created: true };
  });
}

// Definitions are immutable once published, so a parsed copy can be cached forever.
const cache = new Map<string, QuestionnaireDefinition>();

export async function getDefinitions(db: Db, ids: string[]): Promise<Map<string, QuestionnaireDefinition>> {
  const missing = ids.filter((id) => !cache.has(id));
  if (missing.length) {
    const found = await db
      .select({ id: questionnaireVersions.id, definition: questionnaireVersions.definition })
      .from(questionnaireVersions)
      .where(inArray(questionnaireVersions.id, missing));
    for (const r of found) cache.set(r.id, questionnaireSchema.parse(r.definition));
  }
  return new Map(ids.filter((id) => cache.has(id)).map((id) => [id, cache.get(id)!]));
}

const flows = new Map<string, Flow>();

/**
 * The flow pinned to the exact versions a draft or response answered (immutable, so cached),
 * with the benefit grid's rows of the territory's catalogue when it has one (part of the key).
 */
export async function loadFlow(db: Db, commonVersionId: string, moduleVersionId: string | null, benefitRows: Option[] | null = null): Promise<Flow> {
  const key = `${commonVersionId}/${moduleVersionId ?? ""}/${benefitRowsKey(benefitRows)}`;
  const cached = flows.get(key);
  if (cached) return cached;
  const defs = await getDefinitions(db, moduleVersionId ? [commonVersionId, moduleVersionId] : [commonVersionId]);
  const common = defs.get(commonVersionId);
  if (!common) throw new Error("Unknown questionnaire version");
  const flow = buildFlow(benefitRows ? withBenefitRows(common, benefitRows) : common, moduleVersionId ? defs.get(moduleVersionId) : null);
  flows.set(key, flow);
  return flow;
}

export async function currentVersionIds(db: Db, territoryId: string) {
  const [common, module] = await Promise.all([latestVersion(db, null), latestVersion(db, territoryId)]);
  if (!common) throw new Error("No common questionnaire has been published");
  return { commonVersionId: common.id, moduleVersionId: module?.id ?? null };
}
