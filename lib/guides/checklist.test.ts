import { describe, expect, it } from "vitest";
import { checklistAnswersSchema, evaluateChecklist, type ChecklistItem } from "./checklist";

const ITEMS: ChecklistItem[] = [
  { id: "age25", question: { fr: "Avez-vous 25 ans ou plus ?", en: "Are you 25 or older?" }, expected: "yes" },
  { id: "resident", question: { fr: "Résidez-vous en France de façon stable ?" }, expected: "yes" },
  { id: "student", question: { fr: "Êtes-vous étudiant ?" }, expected: "no" },
];

describe("evaluateChecklist", () => {
  it("is likely when every answer is the expected one", () => {
    expect(evaluateChecklist(ITEMS, { age25: "yes", resident: "yes", student: "no" })).toEqual({
      verdict: "likely",
      missing: [],
      unanswered: [],
    });
  });
  it("names the conditions answered against the expectation, in order", () => {
    expect(evaluateChecklist(ITEMS, { age25: "no", resident: "yes", student: "yes" })).toEqual({
      verdict: "missing",
      missing: ["age25", "student"],
      unanswered: [],
    });
  });
  it("says missing even when some are still unanswered", () => {
    expect(evaluateChecklist(ITEMS, { student: "yes" })).toEqual({
      verdict: "missing",
      missing: ["student"],
      unanswered: ["age25", "resident"],
    });
  });
  it("is incomplete when nothing failed but some are unanswered", () => {
    expect(evaluateChecklist(ITEMS, { age25: "yes", resident: undefined })).toEqual({
      verdict: "incomplete",
      missing: [],
      unanswered: ["resident", "student"],
    });
    expect(evaluateChecklist(ITEMS, {}).verdict).toBe("incomplete");
  });
  it("never says likely for an empty checklist", () => {
    expect(evaluateChecklist([], {}).verdict).toBe("incomplete");
  });
  it("ignores inherited keys", () => {
    const items: ChecklistItem[] = [{ id: "constructor", question: { fr: "?" }, expected: "yes" }];
    expect(evaluateChecklist(items, {}).unanswered).toEqual(["constructor"]);
  });
});

describe("checklistAnswersSchema", () => {
  const schema = checklistAnswersSchema(ITEMS);
  it("keeps yes/no answers and drops unknown keys", () => {
    expect(schema.parse({ age25: "yes", student: "no", csrf: "x", other: "maybe" })).toEqual({ age25: "yes", student: "no" });
  });
  it("accepts an empty form", () => {
    expect(schema.parse({})).toEqual({});
  });
  it.each([["oui"], [""], [true], [["yes"]], [1]])("refuses %j as an answer", (value) => {
    expect(schema.safeParse({ age25: value }).success).toBe(false);
  });
  it("feeds evaluateChecklist", () => {
    const answers = schema.parse({ age25: "yes", resident: "yes", student: "no" });
    expect(evaluateChecklist(ITEMS, answers).verdict).toBe("likely");
  });
});
