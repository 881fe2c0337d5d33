import { describe, expect, it } from "vitest";
import { memoWithTtl } from "./memo";

describe("memoWithTtl", () => {
  it("loads once within the TTL, again after it, and never keeps a failure", async () => {
    let calls = 0;
    const get = memoWithTtl(1000, async (k: string) => {
      calls++;
      if (k === "bad") throw new Error("boom");
      return `${k}${calls}`;
    });
    expect(await get("a", 0)).toBe("a1");
    expect(await get("a", 999)).toBe("a1");
    expect(await get("a", 1000)).toBe("a2");
    await expect(get("bad", 0)).rejects.toThrow("boom");
    await Promise.resolve();
    await expect(get("bad", 1)).rejects.toThrow("boom");
    expect(calls).toBe(4);
  });
});
