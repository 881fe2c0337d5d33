import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Between the dry run and the confirmed import, the uploaded sheet waits on the server's disk
 * (never in the database: nothing is written before confirmation), under the territory and the
 * user who sent it, named by its sha256. A file is kept one hour; every save sweeps older ones.
 * One directory per user and territory: another account cannot name someone else's file.
 */
const TTL_MS = 60 * 60 * 1000;
const SHA = /^[0-9a-f]{64}$/;
const root = () => path.join(process.env.DETECTION_IMPORT_DIR || path.join(os.tmpdir(), "barometre-detection-import"));
const dirOf = (territoryId: string, userId: string) => path.join(root(), `${territoryId}_${userId}`.replace(/[^0-9a-f_-]/gi, ""));

export function saveUpload(territoryId: string, userId: string, bytes: Uint8Array, now = Date.now()): string {
  sweep(now);
  const sha = createHash("sha256").update(bytes).digest("hex");
  const dir = dirOf(territoryId, userId);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(dir, `${sha}.xlsx`), bytes, { mode: 0o600 });
  return sha;
}

/** The waiting file, or null when unknown, expired or not this user's in this territory. */
export function readStoredUpload(territoryId: string, userId: string, sha: string, now = Date.now()): Uint8Array | null {
  if (!SHA.test(sha)) return null;
  const file = path.join(dirOf(territoryId, userId), `${sha}.xlsx`);
  try {
    if (now - fs.statSync(file).mtimeMs > TTL_MS) return null;
    return new Uint8Array(fs.readFileSync(file));
  } catch {
    return null;
  }
}

export function dropUpload(territoryId: string, userId: string, sha: string) {
  if (SHA.test(sha)) fs.rmSync(path.join(dirOf(territoryId, userId), `${sha}.xlsx`), { force: true });
}

function sweep(now: number) {
  let dirs: string[];
  try {
    dirs = fs.readdirSync(root());
  } catch {
    return;
  }
  for (const d of dirs) {
    const dir = path.join(root(), d);
    for (const f of fs.readdirSync(dir)) {
      const file = path.join(dir, f);
      try {
        if (now - fs.statSync(file).mtimeMs > TTL_MS) fs.rmSync(file, { force: true });
      } catch {
        // removed meanwhile by another request
      }
    }
  }
}
