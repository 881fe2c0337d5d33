import { describe, expect, it } from "vitest";
import { parseKey } from "@/lib/crypto/contact-cipher";
import { CODE_PATTERN, generateHouseholdCode, normaliseHouseholdCode } from "./household-code";
import { identityHashes, lookupHash, normaliseFileNumber, normaliseName, queryHashes } from "./identity";
import { mergeLists } from "./options";
import { changedFields } from "./record-situation";
import { identifyingContent, parseSituation, type FormValues } from "./situation-schema";
import { applyStatusChange, canMove } from "./status";
import { sortToFollow } from "./to-follow";

describe("household codes", () => {
  it("are M- and six Crockford characters, drawn from the whole alphabet", () => {
    const codes = Array.from({ length: 200 }, () => generateHouseholdCode());
    expect(codes.every((c) => CODE_PATTERN.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(200);
    expect(generateHouseholdCode(() => 31)).toBe("M-ZZZZZZ");
  });
  it("are found whatever the case, spaces, missing dash or misread letters", () => {
    for (const typed of ["m-7k3q9x", " M 7K3Q9X ", "m7k3q9x", "M-7K3Q9X"]) expect(normaliseHouseholdCode(typed)).toBe("M-7K3Q9X");
    expect(normaliseHouseholdCode("mo1l2ab")).toBe("M-0112AB");
    expect(normaliseHouseholdCode(" legacy-42 ")).toBe("LEGACY-42");
  });
});

describe("identity lookup hashes", () => {
  const k = parseKey(Buffer.alloc(32, 3).toString("base64"));
  it("normalise names (accents, case, order) and file numbers (separators)", () => {
    expect(normaliseName("  Élise DUPONT-martin ")).toBe(normaliseName("martin dupont elise"));
    expect(normaliseFileNumber("123 45.67")).toBe("1234567");
  });
  it("depend on the key and the territory, and a query matches any kind", () => {
    const other = parseKey(Buffer.alloc(32, 4).toString("base64"));
    expect(lookupHash("t1", "caf", "1234567", k)).not.toBe(lookupHash("t1", "caf", "1234567", other));
    expect(lookupHash("t1", "caf", "1234567", k)).not.toBe(lookupHash("t2", "caf", "1234567", k));
    const stored = identityHashes("t1", { name: "Élise Dupont", cpam: "2 85 05 75 123 456" }, k);
    expect(stored).toHaveLength(2);
    expect(queryHashes("t1", "dupont elise", k).some((h) => stored.includes(h))).toBe(true);
    expect(queryHashes("t1", "285057512345 6", k).some((h) => stored.includes(h))).toBe(true);
    expect(queryHashes("t1", "Martin", k).some((h) => stored.includes(h))).toBe(false);
  });
});

describe("situation schema", () => {
  const SERVICES = [
    { id: "00000000-0000-4000-8000-00000000000a", code: "asf", label: "ASF", instructsOptionalAid: true, archived: false },
    { id: "00000000-0000-4000-8000-00000000000e", code: "ep", label: "EP", instructsOptionalAid: false, archived: false },
  ];
  const ctx = { today: "2026-03-10", lists: mergeLists([]), services: SERVICES };
  const ok: FormValues = {
    detectedOn: "2026-03-10", serviceId: SERVICES[1].id, financial: "yes", benefitCode: "rsa", actors: ["caf", "caf"], actions: [],
    formes: ["non_demande", "abandon"], reason_non_demande: "manque_capacites", level_non_demande: "ressources_individuelles", reason_abandon: "contraintes_demandeur",
  };
  const problems = (v: FormValues) => {
    const r = parseSituation(ctx, { ...ok, ...v });
    return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
  };
  it("accepts a full situation, with several formes and abandon apart", () => {
    const r = parseSituation(ctx, { ...ok, missedMonthly: "1 200,50", timeMinutes: "45" });
    expect(r.success && r.data).toMatchObject({ actors: ["caf"], missedMonthly: 1200.5, timeMinutes: 45, formes: [{ forme: "non_demande", level: "ressources_individuelles" }, { forme: "abandon" }] });
  });
  it("refuses a domain on a financial situation and a benefit on a non-financial one", () => {
    expect(problems({ domain: "sante" }).domain).toMatch(/non financier/);
    expect(problems({ financial: "no", domain: "sante" }).benefitCode).toMatch(/situation financière/);
    expect(problems({ benefitCode: "" }).benefitCode).toMatch(/prestation/);
  });
  it("requires a forme, and a reason of that forme for each", () => {
    expect(problems({ formes: [] }).formes).toMatch(/au moins une forme/);
    expect(problems({ reason_abandon: "pieces_manquantes" }).reason_abandon).toMatch(/raison/);
  });
  it("bounds amounts, minutes and dates", () => {
    expect(problems({ timeMinutes: "1441" }).timeMinutes).toMatch(/1440/);
    expect(problems({ missedMonthly: "-3" }).missedMonthly).toBeDefined();
    expect(problems({ peopleConcerned: "0" }).peopleConcerned).toBeDefined();
    expect(problems({ detectedOn: "2026-03-11" }).detectedOn).toMatch(/futur/);
    expect(problems({ detectedOn: "2026-02-30" }).detectedOn).toBeDefined();
  });
  it("keeps optional aid to the service that instructs it", () => {
    expect(problems({ optionalAidRequested: "yes" }).optionalAidRequested).toMatch(/instruit/);
    expect(problems({ serviceId: SERVICES[0].id, optionalAidRequested: "yes", optionalAidGranted: "150" })).toEqual({});
    expect(problems({ serviceId: SERVICES[0].id, optionalAidGranted: "150" }).optionalAidGranted).toBeDefined();
  });
  it("refuses a summary with obvious identifying content", () => {
    expect(identifyingContent("Appeler au 06 12 34 56 78")).toBe("un numéro de téléphone");
    expect(identifyingContent("NIR 2 85 05 75 123 456 78")).toBe("un numéro de sécurité sociale");
    expect(identifyingContent("dossier CAF 1234567")).toBe("un numéro de dossier");
    expect(identifyingContent("écrire à marie@exemple.fr")).toBe("une adresse e-mail");
    expect(identifyingContent("Mme Dupont n'a pas demandé")).toBe("un nom de personne");
    expect(identifyingContent("Personne seule, 62 ans, RSA non demandé depuis 2024 ; 540 € par mois")).toBeNull();
    expect(identifyingContent("Rendez-vous CAF le 12.03.2026, 1 200 € de rappel")).toBeNull();
    expect(problems({ summary: "Mme Dupont" }).summary).toMatch(/anonyme/);
  });
});

describe("status machine", () => {
  const open = { status: "open" as const, resolution: null, resolvedOn: null, openedMonthly: null };
  it("moves open → in progress → resolved, and a right opened needs its date and amount", () => {
    expect(canMove("open", "open")).toBe(false);
    expect(applyStatusChange(open, { status: "resolved" }, "2026-03-10")).toEqual({ ok: false, problem: "resolution_required" });
    expect(applyStatusChange(open, { status: "resolved", resolution: "right_opened", resolvedOn: "2026-03-01" }, "2026-03-10")).toEqual({ ok: false, problem: "right_opened_details" });
    expect(applyStatusChange(open, { status: "resolved", resolution: "right_opened", resolvedOn: "2026-03-11", openedMonthly: 5 }, "2026-03-10")).toEqual({ ok: false, problem: "resolved_on_future" });
    expect(applyStatusChange(open, { status: "resolved", resolution: "lost" }, "2026-03-10")).toMatchObject({ ok: true, next: { resolution: "lost", resolvedOn: "2026-03-10" } });
  });
  it("reopens a resolved situation and clears its resolution", () => {
    const done = { status: "resolved" as const, resolution: "right_opened" as const, resolvedOn: "2026-03-01", openedMonthly: 600 };
    expect(applyStatusChange(done, { status: "in_progress" }, "2026-03-10")).toEqual({ ok: true, reopened: true, next: { status: "in_progress", resolution: null, resolvedOn: null, openedMonthly: null } });
  });
});

describe("my situations to follow and edits", () => {
  it("put overdue reminders first, then upcoming ones, then the rest, and leave resolved ones out", () => {
    const rows = [
      { id: "a", detectedOn: "2026-01-01", status: "open", remindOn: null },
      { id: "b", detectedOn: "2026-01-02", status: "in_progress", remindOn: "2026-03-20" },
      { id: "c", detectedOn: "2026-01-03", status: "open", remindOn: "2026-03-09" },
      { id: "d", detectedOn: "2026-01-04", status: "resolved", remindOn: "2026-03-01" },
      { id: "e", detectedOn: "2026-01-05", status: "open", remindOn: "2026-02-01" },
    ];
    const sorted = sortToFollow(rows, "2026-03-10");
    expect(sorted.map((r) => [r.id, r.overdue])).toEqual([["e", true], ["c", true], ["b", false], ["a", false]]);
  });
  it("name the changed fields only", () => {
    expect(changedFields({ actors: ["caf", "cpam"], summary: "x", timeMinutes: 10 }, { actors: ["cpam", "caf"], summary: "y", timeMinutes: 10 })).toEqual(["summary"]);
  });
});
