import { createHash, createHmac } from "node:crypto";
import { contactKeyFromEnv } from "@/lib/crypto/contact-cipher";

/**
 * The person's link token of an appointment (view, cancel, move). Derived from the booking
 * form's idempotency key with a server secret, so that a retried booking finds the same
 * token again; unguessable without the secret. Only its hash is stored.
 */
export function appointmentToken(territoryId: string, idempotencyKey: string): string {
  return createHmac("sha256", contactKeyFromEnv().key).update(`appointment:${territoryId}:${idempotencyKey}`).digest("base64url");
}

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Tokens are 43 base64url characters: anything else is not even looked up. */
export const isTokenShape = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);
