import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commonQuestionnaire } from "@/lib/questionnaire/content";
import { questionnaireSchema } from "@/lib/questionnaire/definition-schema";
import { buildFlow, checkFlow } from "@/lib/questionnaire/flow";
import { sampleAnswers, seededPick } from "@/lib/questionnaire/sample-answers";
import { validateAll } from "@/lib/questionnaire/validate";
import { moduleFixturePath } from "./fixtures";
import { compileXlsform } from "./xlsform/compile";
import { exportXlsform } from "./xlsform/export";
import { readWorkbook } from "./xlsform/read-workbook";

const common = questionnaireSchema.parse(commonQuestionnaire);
const compileBytes = async (bytes: Uint8Array) => compileXlsform(await readWorkbook(bytes), { common });
const fixture = (slug: string) => new Uint8Array(readFileSync(moduleFixturePath(slug)!));

describe.each([
  ["montpellier", "mtp_"],
  ["grenoble", "gre_"],
])("module fixture %s", (slug, prefix) => {
  it("compiles, follows the common questionnaire without clash or forward condition, and accepts many respondents", async () => {
    const { definition } = await compileBytes(fixture(slug));
    const parsed = questionnaireSchema.parse(definition);
    expect(parsed.key).toBe(slug);
    const flow = buildFlow(common, parsed);
    expect(checkFlow(flow)).toEqual([]);
    expect(parsed.sections.flatMap((s) => s.questions.map((q) => q.id)).every((id) => id.startsWith(prefix))).toBe(true);
    for (let seed = 1; seed <= 200; seed++) {
      const answers = sampleAnswers(flow, ["X"], seededPick(seed), new Date("2026-06-01"));
      expect(validateAll(flow, answers, { neighbourhoodCodes: ["X"], now: new Date("2026-06-01") }).errors).toEqual([]);
    }
  });

  it("is fully translated: no English text equals a French one with accents", async () => {
    const { definition } = await compileBytes(fixture(slug));
    const texts: { fr: string; en: string }[] = [];
    JSON.stringify(definition, (_, v) => {
      if (v && typeof v.fr === "string" && typeof v.en === "string") texts.push(v);
      return v;
    });
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((t) => t.fr === t.en && /[éèàçêôû]/.test(t.fr))).toEqual([]);
  });

  it("round-trips: reading back its export gives the same definition", async () => {
    const { definition } = await compileBytes(fixture(slug));
    const parsed = questionnaireSchema.parse(definition);
    const again = await compileBytes(await exportXlsform(parsed, { version: "x" }));
    expect(questionnaireSchema.parse(again.definition)).toEqual(parsed);
  });
});

describe("Grenoble's module", () => {
  it("uses the whole subset: or_other, choice_filter, constraint, note, date, decimal", async () => {
    const def = questionnaireSchema.parse((await compileBytes(fixture("grenoble"))).definition);
    const qs = new Map(def.sections.flatMap((s) => s.questions).map((q) => [q.id, q]));
    expect(qs.get("gre_online_helper_other")).toMatchObject({ type: "text", showIf: { q: "gre_online_helper", op: "eq", value: "other" } });
    expect(qs.get("gre_place_known")).toMatchObject({ options: [{ value: "ccas", showIf: { q: "gre_place_kind", op: "eq", value: "social" } }, {}, {}, {}, {}, {}] });
    expect(qs.get("gre_hours_online")?.constraint?.message?.fr).toMatch(/entre 0 et 168/);
    expect([...qs.values()].map((q) => q.type)).toEqual(expect.arrayContaining(["note", "date", "decimal", "number", "long_text"]));
  });
});
