import { describe, expect, it } from "vitest";
import { pick, readChecklistQuery } from "./localize";

describe("pick", () => {
  it("gives English when there is a translation, French with no-break spaces otherwise", () => {
    expect(pick({ fr: "Qui la verse ?", en: "Who pays?" }, "en")).toBe("Who pays?");
    expect(pick({ fr: "Qui la verse ?" }, "en")).toBe("Qui la verse\u00a0?");
    expect(pick({ fr: "Qui la verse ?", en: "Who pays?" }, "fr")).toBe("Qui la verse\u00a0?");
  });
});

describe("readChecklistQuery", () => {
  const ids = ["a", "b"];
  it("is not submitted on a first visit", () => {
    expect(readChecklistQuery(ids, {})).toEqual({ answers: {}, invalid: false, submitted: false });
  });
  it("keeps yes/no answers, the first of repeated ones, and ignores other parameters", () => {
    expect(readChecklistQuery(ids, { a: ["no", "yes"], b: "yes", utm: "x" })).toEqual({ answers: { a: "no", b: "yes" }, invalid: false, submitted: true });
  });
  it("flags a forged value and drops it", () => {
    expect(readChecklistQuery(ids, { a: "oui", verifier: "1" })).toEqual({ answers: {}, invalid: true, submitted: true });
  });
  it("counts an empty submission (nothing ticked) as submitted", () => {
    expect(readChecklistQuery(ids, { verifier: "1" }).submitted).toBe(true);
  });
});
