import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/field-errors";
import { optInSchema } from "./opt-in-schema";

const base = { consent: "on", firstName: "Aïcha", channel: "phone", language: "fr", companion: "no", days: [], times: [] };

describe("opt-in form", () => {
  it("normalises French phone numbers to E.164", () => {
    const r = optInSchema.parse({ ...base, phone: "06 12 34 56 78" });
    expect(r.phone).toBe("+33612345678");
    expect(optInSchema.parse({ ...base, phone: "+32 470 12 34 56" }).phone).toBe("+32470123456");
  });
  it("requires consent, a first name, and a way to be reached that fits the channel", () => {
    const r = optInSchema.safeParse({ ...base, consent: undefined, firstName: "", channel: "email", phone: "0612345678" });
    expect(r.success).toBe(false);
    // Every problem at once, the channel one included, even though other fields failed.
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ consent: "consent", firstName: "first_name", channel: "channel_email" });
    const mismatch = optInSchema.safeParse({ ...base, channel: "email", phone: "0612345678" });
    if (!mismatch.success) expect(fieldErrors(mismatch.error)).toEqual({ channel: "channel_email" });
    expect(mismatch.success).toBe(false);
    const none = optInSchema.safeParse({ ...base });
    expect(none.success).toBe(false);
    // No phone and no e-mail: "give one", never a puzzling message about the channel.
    if (!none.success) expect(fieldErrors(none.error)).toEqual({ phone: "phone_or_email" });
    const noChannel = optInSchema.safeParse({ ...base, channel: undefined });
    if (!noChannel.success) expect(fieldErrors(noChannel.error)).toEqual({ channel: "channel", phone: "phone_or_email" });
    expect(noChannel.success).toBe(false);
  });
  it("rejects an invalid phone or e-mail with its own message", () => {
    const r = optInSchema.safeParse({ ...base, phone: "12", email: "nope@", channel: "phone" });
    expect(r.success).toBe(false);
    if (!r.success) expect(fieldErrors(r.error)).toEqual({ phone: "phone", email: "email" });
  });
  it("refuses values outside the lists", () => {
    const r = optInSchema.safeParse({ ...base, phone: "0612345678", days: ["sun"], language: "xx" });
    expect(r.success).toBe(false);
    if (!r.success) expect(Object.keys(fieldErrors(r.error)).sort()).toEqual(["days", "language"]);
  });
});

describe("what the agent sees of the person's profile", () => {
  it("shows age and income band only under the consent text that announces them", async () => {
    const { consentCoversProfile, CONSENT_VERSION } = await import("./opt-in-schema");
    expect(consentCoversProfile(CONSENT_VERSION)).toBe(true);
    expect(consentCoversProfile("2026-11-v1")).toBe(false);
  });
  it("computes an age from the birth year, in the Paris calendar year", async () => {
    const { approximateAge } = await import("./opt-in-schema");
    expect(approximateAge(1980, new Date("2026-11-30T12:00:00Z"))).toBe(46);
    expect(approximateAge("1980", new Date("2026-12-31T23:30:00Z"))).toBe(47); // already 2027 in Paris
    expect(approximateAge({ preferNot: true }, new Date())).toBeNull();
    expect(approximateAge(1700, new Date())).toBeNull();
  });
});
