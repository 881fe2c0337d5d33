import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * AES-256-GCM for contact data at rest. The key comes from BAROMETRE_CONTACT_KEY (32 bytes,
 * base64); `npm start` generates a development key into .data/ when none is set. Each value
 * carries its key id, so keys can be rotated, and is bound to its row by the additional
 * authenticated data: a ciphertext copied onto another row does not decrypt.
 */
export type ContactKey = { id: string; key: Buffer };

export function parseKey(base64: string): ContactKey {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new Error("BAROMETRE_CONTACT_KEY must be 32 bytes, base64-encoded");
  return { id: createHash("sha256").update(key).digest("hex").slice(0, 8), key };
}

export function contactKeyFromEnv(): ContactKey {
  const raw = process.env.BAROMETRE_CONTACT_KEY;
  if (!raw) throw new Error("BAROMETRE_CONTACT_KEY is not set: contact data cannot be stored (see README)");
  return parseKey(raw);
}

export function encryptJson(value: unknown, aad: string, k: ContactKey = contactKeyFromEnv()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", k.key, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return ["v1", k.id, iv.toString("base64"), cipher.getAuthTag().toString("base64"), ct.toString("base64")].join(":");
}

export function decryptJson<T>(payload: string, aad: string, keys: ContactKey[] = [contactKeyFromEnv()]): T {
  const [version, keyId, iv, tag, ct] = payload.split(":");
  const k = keys.find((x) => x.id === keyId);
  if (version !== "v1" || !k) throw new Error("Unknown contact-data key or format");
  const decipher = createDecipheriv("aes-256-gcm", k.key, Buffer.from(iv, "base64"));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return JSON.parse(Buffer.concat([decipher.update(Buffer.from(ct, "base64")), decipher.final()]).toString("utf8")) as T;
}
