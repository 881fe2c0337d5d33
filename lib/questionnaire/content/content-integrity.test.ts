import { describe, expect, it } from "vitest";
import { questionnaireSchema } from "../definition-schema";
import { commonQuestionnaire } from "./index";

const common = questionnaireSchema.parse(commonQuestionnaire);

describe("questionnaire content", () => {
  it("has the sections and question ids the indicators rely on", () => {
    expect(common.sections.map((s) => s.id)).toEqual(["about_you", "neighbourhood", "benefits", "reasons", "administrations"]);
    const ids = common.sections.flatMap((s) => s.questions.map((q) => q.id));
    for (const id of ["sex", "birth_year", "household_type", "neighbourhood", "benefits", "why_not", "difficulty_appointments", "difficulty_phone", "difficulty_online", "fear_repaying", "who_helps"]) {
      expect(ids).toContain(id);
    }
  });

  it("offers every exclusive option alone and at most one per question", () => {
    for (const def of [common]) {
      for (const q of def.sections.flatMap((s) => s.questions)) {
        if (q.type === "multiple") expect(q.options.filter((o) => o.exclusive).length).toBeLessThanOrEqual(1);
      }
    }
  });

  it("is fully translated: no English label equals an untranslated French one with accents", () => {
    const texts: { fr: string; en: string }[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (typeof o.fr === "string" && typeof o.en === "string") texts.push(o as { fr: string; en: string });
        else Object.values(o).forEach(walk);
      }
    };
    walk([commonQuestionnaire]);
    expect(texts.length).toBeGreaterThan(120);
    expect(texts.filter((t) => t.fr === t.en && /[éèàçêôû]/.test(t.fr))).toEqual([]);
  });
});
