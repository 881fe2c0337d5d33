import { describe, expect, it } from "vitest";
import { hashSecret, newReceiptCode, newResumeCode, normalizeCode } from "./codes";

describe("codes", () => {
  it("makes readable receipt and resume codes", () => {
    expect(newReceiptCode()).toMatch(/^BM-[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(newResumeCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });
  it("reads a typed resume code the way it was meant", () => {
    const code = "7K3QX-9M2PA";
    expect(normalizeCode(" 7k3qx 9m2pa ")).toBe(normalizeCode(code));
    expect(hashSecret(normalizeCode("7K3QX-9M2PA"))).toBe(hashSecret(normalizeCode("7k3qx9m2pa")));
    expect(normalizeCode("O1IL")).toBe("0111");
  });
});
