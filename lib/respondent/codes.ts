import { createHash, randomBytes, randomInt } from "node:crypto";

/** Crockford base32 without I, L, O, U: easy to read aloud and to type on a phone. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function randomCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/**
 * Receipt: "BM-" + 12 characters (60 bits), shown to the respondent after submission. It opens
 * the person's rights-review request (and its withdrawal), so it must resist guessing: 60 bits
 * plus the look-up rate limit. Receipts issued before were 8 characters (40 bits); the look-up
 * reads both lengths (lib/callbacks/requests.ts normalises whatever was typed).
 */
export const RECEIPT_CODE_LENGTH = 12;
export const newReceiptCode = () => `BM-${randomCode(RECEIPT_CODE_LENGTH)}`;

/** Resume code: 10 characters (50 bits) shown as two groups, e.g. "7K3QX-9M2PA". */
export const newResumeCode = () => {
  const c = randomCode(10);
  return `${c.slice(0, 5)}-${c.slice(5)}`;
};

/** Typed codes are forgiving: case, spaces, dashes, and O/I/L read as 0/1/1. */
export function normalizeCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

export const newToken = () => randomBytes(32).toString("base64url");
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
