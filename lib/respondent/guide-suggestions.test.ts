import { describe, expect, it } from "vitest";
import { situationCodes, suggestGuides } from "./guide-suggestions";

const ALL = ["rsa", "prime_activite", "c2s", "aides_logement", "aspa", "aah", "allocations_familiales", "cheque_energie", "retraite_reversion", "pension_invalidite", "aide_facultative"];
const NOW = new Date("2026-11-30T12:00:00Z");

describe("guide suggestions on the receipt", () => {
  it("puts a given-up application first, then known but not received, never a received benefit", () => {
    const answers = {
      benefits: {
        c2s: { known: "yes", received: "no", asked: "no" },
        rsa: { known: "yes", received: "no", asked: "yes", gave_up: "yes" },
        aides_logement: { known: "yes", received: "yes" },
        aah: { known: "no" },
      },
      housing: "private_rental", income_band: "lt_800",
    };
    expect(suggestGuides(answers, ALL, NOW)).toEqual([
      { code: "rsa", reason: "gave_up" },
      { code: "c2s", reason: "known_not_received" },
      { code: "cheque_energie", reason: "situation" },
      { code: "aide_facultative", reason: "situation" },
    ]);
  });

  it("reads the situation: a low-paid worker, a single parent of one, a person of 70", () => {
    expect(situationCodes({ activity: "employed", income_band: "1200_1800" }, NOW)).toEqual(["prime_activite"]);
    expect(situationCodes({ activity: "employed", income_band: "gt_2500" }, NOW)).toEqual([]);
    expect(situationCodes({ household_type: "single_parent", children_count: 1, income_band: "800_1200" }, NOW))
      .toEqual(["rsa", "allocations_familiales", "c2s", "cheque_energie"]);
    expect(situationCodes({ birth_year: 1956, activity: "retired", income_band: "1800_2500" }, NOW)).toEqual(["retraite_reversion", "aspa"]);
    // 2026 − 1965 = 61: not yet the retirement sheets.
    expect(situationCodes({ birth_year: 1965 }, NOW)).toEqual([]);
  });

  it("keeps the territory's order within a reason, only codes with a guide, and the limit", () => {
    const answers = { benefits: { aah: { known: "yes", received: "dk" }, rsa: { known: "yes", received: "no" }, custom: { known: "yes", received: "no" } } };
    expect(suggestGuides(answers, ALL, NOW).map((s) => s.code)).toEqual(["rsa", "aah", "aide_facultative"]);
    expect(suggestGuides(answers, ["aah", "rsa"], NOW).map((s) => s.code)).toEqual(["aah", "rsa"]);
    const many = { activity: "unable_to_work", birth_year: 1950, income_band: "lt_800", housing: "social_housing", household_type: "single_parent", children_count: 3 };
    expect(suggestGuides(many, ALL, NOW, 3)).toHaveLength(4); // 3 + the CCAS aid
  });

  it("suggests nothing from nothing, and ignores malformed answers", () => {
    expect(suggestGuides({}, ALL, NOW)).toEqual([]);
    expect(suggestGuides({ benefits: "x", birth_year: "abc", children_count: null }, ALL, NOW)).toEqual([]);
  });
});
