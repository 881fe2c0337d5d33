import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ImportDiff } from "./diff";
import type { Issue, LevelMapping } from "./types";

/**
 * An uploaded boundaries import kept server-side between the staff page's steps (upload →
 * mapping → preview → save): a JSON file in a private temporary folder, named by a random id,
 * bound to the user and the territory, expiring after STAGING_TTL_MS. Never in the database:
 * nothing of an unsaved import reaches it.
 */
export const STAGING_TTL_MS = 2 * 60 * 60 * 1000;
const ID = /^[a-f0-9]{32}$/;

export type StagedLevel = { key: string; name: string; file: string; text: string; properties: string[]; mapping: Omit<LevelMapping, "key" | "name"> };
export type StagedImport = {
  id: string;
  userId: string;
  territoryId: string;
  createdAt: number;
  /** uploaded: mapping to choose; checked: the plan is valid, preview shown; saved: written. */
  stage: "uploaded" | "checked" | "saved";
  levels: StagedLevel[];
  issues: Issue[];
  diff?: ImportDiff;
};

export function stagingDir(): string {
  return process.env.BAROMETRE_STAGING_DIR || path.join(os.tmpdir(), "barometre-boundaries");
}

/** Pure: is this record usable by this user, for this territory, now? */
export function stagedUsable(s: Pick<StagedImport, "userId" | "territoryId" | "createdAt">, userId: string, territoryId: string, now: number): boolean {
  return s.userId === userId && s.territoryId === territoryId && now - s.createdAt >= 0 && now - s.createdAt < STAGING_TTL_MS;
}

function file(id: string) {
  return path.join(stagingDir(), `${id}.json`);
}

export function saveStaged(s: StagedImport) {
  fs.mkdirSync(stagingDir(), { recursive: true, mode: 0o700 });
  const tmp = `${file(s.id)}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(tmp, JSON.stringify(s), { mode: 0o600 });
  fs.renameSync(tmp, file(s.id));
}

export function createStaged(data: Omit<StagedImport, "id" | "createdAt">, now = Date.now()): StagedImport {
  purgeStaged(now);
  const s: StagedImport = { ...data, id: randomBytes(16).toString("hex"), createdAt: now };
  saveStaged(s);
  return s;
}

/** The record, or null when unknown, expired, or another user's or territory's (not found). */
export function loadStaged(id: string | undefined, userId: string, territoryId: string, now = Date.now()): StagedImport | null {
  if (!id || !ID.test(id)) return null;
  try {
    const s = JSON.parse(fs.readFileSync(file(id), "utf8")) as StagedImport;
    return stagedUsable(s, userId, territoryId, now) ? s : null;
  } catch {
    return null;
  }
}

/** Removes expired records (called on every new upload). */
export function purgeStaged(now = Date.now()) {
  const dir = stagingDir();
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    try {
      if (now - fs.statSync(p).mtimeMs > STAGING_TTL_MS) fs.rmSync(p, { force: true });
    } catch { /* raced with another purge */ }
  }
}

/** Pure: a first guess of the mapping from the property names found in a file. */
export function guessMapping(properties: string[]): { codeProperty: string; nameProperty: string } {
  const find = (patterns: RegExp[]) => {
    for (const re of patterns) {
      const hit = properties.find((p) => re.test(p));
      if (hit) return hit;
    }
    return properties[0] ?? "";
  };
  return {
    codeProperty: find([/^code_iris$/i, /^code$/i, /^code[_-]?/i, /code/i, /^id$/i, /^insee/i]),
    nameProperty: find([/^nom$/i, /^name$/i, /^nom[_-]/i, /^libell?e/i, /nom|name|libel/i]),
  };
}
