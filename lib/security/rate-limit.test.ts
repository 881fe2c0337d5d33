import { describe, expect, it } from "vitest";
import { clientAddress, keyedHash, normalizeAddress } from "./client-address";
import { decide, nextState, type LimitRule, type LimitState } from "./rate-limit";

const rule: LimitRule = { name: "t", max: 3, windowSeconds: 60 };
const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 10, 0, s));

describe("fixed-window limiter rules", () => {
  it("allows max hits per window, refuses the next ones until the window ends", () => {
    let state: LimitState | null = null;
    const seen: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      state = nextState(rule, state, at(i));
      seen.push(decide(rule, state, at(i)).allowed);
    }
    expect(seen).toEqual([true, true, true, false, false]);
    expect(decide(rule, state, at(10)).retryAfterSeconds).toBe(50);
    // A new window starts afresh.
    state = nextState(rule, state, at(60));
    expect(state.count).toBe(1);
    expect(decide(rule, state, at(60)).allowed).toBe(true);
  });

  it("blocks for blockSeconds from the first refused hit", () => {
    const r = { ...rule, blockSeconds: 600 };
    let state: LimitState | null = null;
    for (let i = 0; i < 4; i++) state = nextState(r, state, at(i * 10));
    expect(state!.resetAt).toEqual(new Date(at(30).getTime() + 600_000));
    expect(decide(r, state, at(59)).allowed).toBe(false);
    expect(decide(r, state, new Date(at(30).getTime() + 599_000)).allowed).toBe(false);
    expect(decide(r, state, new Date(at(30).getTime() + 600_000)).allowed).toBe(true);
  });
});

describe("client address", () => {
  it("takes the last X-Forwarded-For entry by default, the N-th from the right behind N trusted proxies", () => {
    const h = new Headers({ "x-forwarded-for": "10.0.0.1, 198.51.100.7, 203.0.113.9" });
    expect(clientAddress(h, 0)).toBe("203.0.113.9");
    expect(clientAddress(h, 1)).toBe("203.0.113.9");
    expect(clientAddress(h, 2)).toBe("198.51.100.7");
    expect(clientAddress(h, 9)).toBe("10.0.0.1");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
    expect(clientAddress({ "x-forwarded-for": "::ffff:127.0.0.1" }, 0)).toBe("127.0.0.1");
  });

  it("groups IPv6 per /64 and never keeps an address in clear", () => {
    expect(normalizeAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeAddress("2001:db8:1:2:bbbb:1:2:3")).toBe("2001:db8:1:2::/64");
    const k = keyedHash("addr", "203.0.113.9");
    expect(k).not.toContain("203");
    expect(k).toBe(keyedHash("addr", "203.0.113.9"));
    expect(k).not.toBe(keyedHash("email", "203.0.113.9"));
  });
});
