import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/http/field-errors";
import { decisionSchema, proposalSchema, reportSchema } from "./schemas";
import { parseStandConsent } from "./consent-schema";

const SITE = "0b7c3c1e-8f3a-4a59-9b7e-1c2d3e4f5a6b";
const base = { heldOn: "2026-12-05", actionType: "stand", placeType: "marche", audience: "tous_publics", team: "CCAS, Secours populaire" };

describe("proposal", () => {
  const today = "2026-11-30";
  it("accepts a site or a place named in words, with optional times", () => {
    expect(proposalSchema(today).parse({ ...base, siteId: SITE, startsAt: "9:00", endsAt: "12:30" })).toMatchObject({ siteId: SITE, startsAt: "09:00", endsAt: "12:30" });
    expect(proposalSchema(today).parse({ ...base, placeLabel: "Marché de la Paillade", siteId: "" }).siteId).toBeUndefined();
  });
  it("refuses no place, both places, an end before the start, a date too far, an unknown type", () => {
    const errs = (v: object) => { const r = proposalSchema(today).safeParse(v); return r.success ? {} : fieldErrors(r.error); };
    expect(errs(base).siteId).toBe("Choisissez un lieu de collecte ou nommez le lieu.");
    expect(errs({ startsAt: "10:00", endsAt: "09:00" })).toMatchObject({ siteId: expect.stringMatching(/lieu/), endsAt: expect.stringMatching(/suivre/), actionType: expect.any(String) });
    expect(errs({ ...base, siteId: SITE, placeLabel: "Marché" }).placeLabel).toMatch(/pas les deux/);
    expect(errs({ ...base, siteId: SITE, startsAt: "14:00", endsAt: "13:00" }).endsAt).toMatch(/suivre/);
    expect(errs({ ...base, siteId: SITE, heldOn: "2026-02-30" }).heldOn).toMatch(/invalide/);
    expect(errs({ ...base, siteId: SITE, heldOn: "2026-09-15" }).heldOn).toMatch(/60 jours/);
    expect(errs({ ...base, siteId: SITE, heldOn: "2028-01-15" }).heldOn).toMatch(/année/);
    expect(errs({ ...base, siteId: SITE, actionType: "fete" }).actionType).toBe("Choisissez le type d'action.");
    expect(errs({ ...base, siteId: SITE, team: "  " }).team).toMatch(/équipe/);
  });
});

describe("decision", () => {
  it("a refusal needs a note", () => {
    expect(decisionSchema.safeParse({ decision: "validate" }).success).toBe(true);
    const r = decisionSchema.safeParse({ decision: "refuse", note: " " });
    expect(r.success ? null : fieldErrors(r.error).note).toBe("Dites pourquoi l'action est refusée.");
    expect(decisionSchema.parse({ decision: "refuse", note: "Même jour qu'une autre action" }).note).toBe("Même jour qu'une autre action");
  });
});

describe("report", () => {
  const schema = reportSchema(["rsa", "c2s"]);
  const ok = { peopleMet: "40", potentialNonRecours: "12", orientations: "8", questionnairesCollected: "15", guide_rsa: "10", guide_c2s: "", lessons: "Beaucoup de seniors" };
  it("keeps counts and the guides handed out by benefit, blanks as zero (not stored)", () => {
    expect(schema.parse(ok)).toEqual({ peopleMet: 40, potentialNonRecours: 12, orientations: 8, questionnairesCollected: 15, guidesHanded: { rsa: 10 }, lessons: "Beaucoup de seniors" });
  });
  it("bounds 0 … 10 000, integers, and coherence with the people met", () => {
    const errs = (v: object) => { const r = schema.safeParse({ ...ok, ...v }); return r.success ? {} : fieldErrors(r.error); };
    expect(errs({ peopleMet: "10001" }).peopleMet).toMatch(/10\u202f000 au plus|10 000 au plus/);
    expect(errs({ peopleMet: "-1" }).peopleMet).toMatch(/de 0 à/);
    expect(errs({ orientations: "2.5" }).orientations).toMatch(/entier/);
    expect(errs({ questionnairesCollected: "" }).questionnairesCollected).toMatch(/indiquez/);
    expect(errs({ guide_rsa: "abc" }).guide_rsa).toMatch(/Guides remis/);
    expect(errs({ potentialNonRecours: "41" }).potentialNonRecours).toMatch(/ne peuvent pas dépasser/);
    expect(errs({ orientations: "41" }).orientations).toMatch(/ne peuvent pas dépasser/);
    expect(errs({ potentialNonRecours: "40", orientations: "40" })).toEqual({});
  });
});

describe("stand consent", () => {
  const ctx = { heldOn: "2026-11-28", today: "2026-11-30" };
  const key = "consent:7d0c3c1e-8f3a-4a59-9b7e-1c2d3e4f5a6b";
  const person = { consent: "on", firstName: "Aïcha", phone: "06 12 34 56 78", channel: "phone", language: "fr", companion: "no", days: [], times: [], captureMode: "stand_tablet", submissionKey: key };
  it("a tablet consent with the box and a phone: the contact in E.164, signed today", () => {
    const r = parseStandConsent(person, ctx);
    expect(r.ok && r.value).toMatchObject({ captureMode: "stand_tablet", signedOn: "2026-11-30", contact: { phone: "+33612345678", firstName: "Aïcha" }, submissionKey: key });
  });
  it("never without the explicit box, nor without a channel", () => {
    const noBox = parseStandConsent({ ...person, consent: undefined }, ctx);
    expect(!noBox.ok && noBox.errors.consent).toBe("consent");
    const noChannel = parseStandConsent({ ...person, phone: undefined }, ctx);
    expect(!noChannel.ok && noChannel.errors.phone).toBe("phone_or_email");
    const badPhone = parseStandConsent({ ...person, phone: "12" }, ctx);
    expect(!badPhone.ok && badPhone.errors.phone).toBe("phone");
    const badKey = parseStandConsent({ ...person, submissionKey: "x" }, ctx);
    expect(!badKey.ok && badKey.errors.submissionKey).toBe("form");
  });
  it("a paper form needs the day it was signed, between the action and today", () => {
    const paper = { ...person, captureMode: "paper_form" };
    expect(parseStandConsent(paper, ctx)).toEqual({ ok: false, errors: { signedOn: "signed_on" } });
    expect(parseStandConsent({ ...paper, signedOn: "2026-11-27" }, ctx)).toEqual({ ok: false, errors: { signedOn: "signed_on_range" } });
    expect(parseStandConsent({ ...paper, signedOn: "2026-12-01" }, ctx)).toEqual({ ok: false, errors: { signedOn: "signed_on_range" } });
    const r = parseStandConsent({ ...paper, signedOn: "2026-11-28" }, ctx);
    expect(r.ok && r.value.signedOn).toBe("2026-11-28");
  });
});
