import { describe, expect, it } from "vitest";
import { mergeLists, active, labelOf } from "./options";
import { benefitGroupOf } from "./reference";

const row = (list: string, code: string, label: string, extra: Partial<{ parentCode: string; position: number; archivedAt: Date }> = {}) =>
  ({ list, code, label, parentCode: extra.parentCode ?? null, position: extra.position ?? 0, archivedAt: extra.archivedAt ?? null });

describe("detection lists", () => {
  it("keeps the defaults when the territory has no rows", () => {
    const lists = mergeLists([]);
    expect(lists.reason.find((r) => r.code === "pieces_manquantes")?.parent).toBe("non_reception");
    expect(lists.actor.map((a) => a.code)).toContain("caf");
    expect(lists.action.every((a) => !a.own && !a.archived)).toBe(true);
  });

  it("archives or relabels a default by its code, and appends own entries in their order", () => {
    const lists = mergeLists([
      row("actor", "bailleur", "Bailleur social"),
      row("actor", "mdph", "MDPH", { archivedAt: new Date() }),
      row("actor", "mission_locale", "Mission locale", { position: 2 }),
      row("actor", "urssaf", "URSSAF", { position: 1 }),
    ]);
    expect(labelOf(lists, "actor", "bailleur")).toBe("Bailleur social");
    expect(active(lists.actor).map((a) => a.code)).not.toContain("mdph");
    expect(lists.actor.slice(-2).map((a) => a.code)).toEqual(["urssaf", "mission_locale"]);
    expect(lists.actor.find((a) => a.code === "urssaf")?.own).toBe(true);
  });

  it("adds the territory's own catalogue benefits to the 'autres' group unless a row places them", () => {
    const lists = mergeLists([row("benefit", "bourse_sante", "Bourse santé", { parentCode: "assurance_maladie" })], [
      { code: "rsa", labelFr: "RSA", archived: false },
      { code: "bourse_sante", labelFr: "Bourse santé municipale", archived: false },
      { code: "tarif_social", labelFr: "Tarif social cantine", archived: true },
    ]);
    const own = lists.benefit.filter((b) => b.own);
    expect(own.map((b) => [b.code, b.parent, b.archived])).toEqual([
      ["bourse_sante", "assurance_maladie", false],
      ["tarif_social", "autres", true],
    ]);
    expect(lists.benefit.filter((b) => b.code === "rsa")).toHaveLength(1);
  });

  it("groups benefits as the report does", () => {
    expect(benefitGroupOf("ame")).toBe("assurance_maladie");
    expect(benefitGroupOf("aah")).toBe("prestations_familiales");
    expect(benefitGroupOf("aspa")).toBe("retraite");
    expect(benefitGroupOf("inconnue")).toBe("autres");
  });
});
