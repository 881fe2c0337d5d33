import { describe, expect, it } from "vitest";
import { formatDay, formatKm } from "./format";

describe("booking formats", () => {
  it("writes distances with a decimal comma in French", () => {
    expect(formatKm(1.46, "fr")).toBe("1,5");
    expect(formatKm(1.46, "en")).toBe("1.5");
    expect(formatKm(3, "fr")).toBe("3,0");
  });
  it("keeps months in lower case in French", () => {
    expect(formatDay(new Date("2026-11-30T10:00:00Z"), "fr")).toBe("lundi 30 novembre");
  });
});
