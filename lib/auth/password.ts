import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

/** bcrypt (pure JS: no native build on a fresh machine); cost 11 ≈ 150 ms here. */
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

let dummy: Promise<string> | undefined;
/**
 * A hash of a random password at the same cost, compared when the e-mail has no usable account:
 * an unknown e-mail then costs the same ~150 ms as a known one (no existence oracle by timing).
 */
export const dummyHash = (): Promise<string> => (dummy ??= hashPassword(randomBytes(18).toString("base64")));
