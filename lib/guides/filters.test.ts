import { describe, expect, it } from "vitest";
import { SEEDED_GUIDES } from "./content";
import { filterGuides, parseGuideFilter, printableGuides } from "./filters";
import type { TerritoryGuide } from "./store";

const seeded: TerritoryGuide[] = SEEDED_GUIDES.map((g) => ({
  code: g.code, label: g.title, guide: g, version: 0, status: g.status, source: "seed", kind: "common", updatedAt: null,
}));
const unwritten: TerritoryGuide = { code: "aide_cantine", label: { fr: "Aide à la cantine" }, guide: null, version: 0, status: null, source: "none", kind: "extra", updatedAt: null };
const all = [...seeded, unwritten];

describe("parseGuideFilter", () => {
  it("reads an edition or a life moment", () => {
    expect(parseGuideFilter({ public: "agriculteurs" })).toEqual({ audience: "agriculteurs", moment: null });
    expect(parseGuideFilter({ moment: "devenir_senior" })).toEqual({ audience: null, moment: "devenir_senior" });
  });
  it("ignores unknown values and repeated parameters beyond the first", () => {
    expect(parseGuideFilter({ public: "<script>", moment: "nope" })).toEqual({ audience: null, moment: null });
    expect(parseGuideFilter({ public: ["jeunes", "agriculteurs"] })).toEqual({ audience: "jeunes", moment: null });
  });
  it("an edition wins over a moment", () => {
    expect(parseGuideFilter({ public: "jeunes", moment: "devenir_senior" })).toEqual({ audience: "jeunes", moment: null });
  });
});

describe("filterGuides", () => {
  it("keeps every guide, sheets being written included, without a filter", () => {
    expect(filterGuides(all, { audience: null, moment: null })).toHaveLength(12);
  });
  it("keeps the edition's sheets only, in order", () => {
    const over50 = filterGuides(all, { audience: "plus_de_50_ans", moment: null }).map((g) => g.code);
    expect(over50).toContain("aspa");
    expect(over50).not.toContain("aide_cantine");
    expect(over50).toEqual(SEEDED_GUIDES.filter((g) => g.audiences.includes("plus_de_50_ans")).map((g) => g.code));
  });
  it("keeps a life moment's sheets only", () => {
    const child = filterGuides(all, { audience: null, moment: "avoir_un_enfant" }).map((g) => g.code);
    expect(child).toContain("allocations_familiales");
    expect(child).not.toContain("aspa");
  });
  it("prints only sheets that exist", () => {
    expect(printableGuides(all, null).map((g) => g.code)).not.toContain("aide_cantine");
    expect(printableGuides(all, "jeunes").every((g) => g.guide?.audiences.includes("jeunes"))).toBe(true);
  });
});
