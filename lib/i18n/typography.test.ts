import { describe, expect, it } from "vitest";
import fr from "@/messages/fr.json";
import { frenchSpaces, hasBreakingFrenchSpace, NBSP } from "./typography";
import { localize } from "./locale";

function strings(value: unknown, path = ""): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

describe("French typography", () => {
  it("has no ordinary space before ? : ; ! nor inside « » in messages/fr.json", () => {
    const offending = strings(fr).filter(([, s]) => hasBreakingFrenchSpace(s)).map(([k]) => k);
    expect(offending).toEqual([]);
  });
  it("turns those spaces into no-break ones, and only those", () => {
    expect(frenchSpaces("Vous êtes sûr ? Oui : « bien » ; c'est fait !")).toBe(
      `Vous êtes sûr${NBSP}? Oui${NBSP}: «${NBSP}bien${NBSP}»${NBSP}; c'est fait${NBSP}!`,
    );
    expect(frenchSpaces("https://exemple.fr à 10:30")).toBe("https://exemple.fr à 10:30");
  });
  it("applies to French questionnaire labels, not to English ones", () => {
    expect(localize({ fr: "Avec qui vivez-vous ?", en: "Who do you live with ?" }, "fr")).toBe(`Avec qui vivez-vous${NBSP}?`);
    expect(localize({ fr: "Avec qui vivez-vous ?", en: "Who do you live with?" }, "en")).toBe("Who do you live with?");
  });
});
