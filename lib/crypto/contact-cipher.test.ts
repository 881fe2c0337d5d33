import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptJson, encryptJson, parseKey } from "./contact-cipher";

const key = parseKey(randomBytes(32).toString("base64"));
const other = parseKey(randomBytes(32).toString("base64"));

describe("contact cipher", () => {
  it("round-trips, with a fresh IV every time and no clear text in the payload", () => {
    const a = encryptJson({ phone: "+33612345678" }, "row-1", key);
    const b = encryptJson({ phone: "+33612345678" }, "row-1", key);
    expect(a).not.toBe(b);
    expect(a).not.toContain("3361");
    expect(decryptJson(a, "row-1", [key])).toEqual({ phone: "+33612345678" });
  });
  it("refuses another row, another key and any tampering", () => {
    const p = encryptJson({ firstName: "Aïcha" }, "row-1", key);
    expect(() => decryptJson(p, "row-2", [key])).toThrow();
    expect(() => decryptJson(p, "row-1", [other])).toThrow();
    const parts = p.split(":");
    const ct = Buffer.from(parts[4], "base64");
    ct[0] ^= 1;
    parts[4] = ct.toString("base64");
    expect(() => decryptJson(parts.join(":"), "row-1", [key])).toThrow();
  });
  it("rejects a key of the wrong size", () => {
    expect(() => parseKey(randomBytes(16).toString("base64"))).toThrow(/32 bytes/);
  });
});
