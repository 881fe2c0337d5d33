import bcrypt from "bcryptjs";

/** bcrypt (pure JS: no native build on a fresh machine); cost 11 ≈ 150 ms here. */
const COST = 11;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);
