import { describe, expect, it } from "vitest";
import { categoryFromTypology, flatRowsFromJson, parseCsv, rawFromFlatRow, toDataInclusion, toFlatRows } from "./data-inclusion";
import { helpPointInputSchema, normalisePhone, stripHtml } from "./help-point-schema";
import { filterHelpPoints, haversineMetres, isOpenAt, rankHelpPoints, withinArea, type HelpPointView } from "./queries";

const view = (over: Partial<HelpPointView>): HelpPointView & { sourceKey: string } => ({
  id: over.name ?? "x", sourceKey: over.name ?? "x", name: "x", category: "maison_pour_tous", address: "1 rue A", postcode: "34000", city: "Montpellier",
  lon: 3.87, lat: 43.61, neighbourhoodId: null, neighbourhoodName: null, phone: "04 67 34 70 00", email: "a@b.fr", website: null,
  openingHours: "Mo-Fr 09:00-12:00,14:00-19:00; PH off", openingNote: null, languages: ["fr", "ar"], benefitCodes: ["rsa"],
  appointmentUrl: null, bookingMotiveId: null, transit: { lines: ["Tram 1"], stop: "Antigone" },
  accessibility: { kinds: { physical: "yes", hearing: "partial" }, stepFree: true, note: "Boucle magnétique" }, acceslibreUrl: "https://acceslibre.beta.gouv.fr/app/x/", mission: "Aide", ...over,
});
// Paris wall clock: Tuesday 1 December 2026 10:00 (UTC+1); Sunday 29 November; Christmas (a Friday).
const TUESDAY_10 = new Date("2026-12-01T09:00:00Z");
const TUESDAY_13 = new Date("2026-12-01T12:00:00Z");
const SUNDAY_10 = new Date("2026-11-29T09:00:00Z");
const CHRISTMAS_10 = new Date("2026-12-25T09:00:00Z");

describe("open-at evaluation (fixed clock, Paris time, holidays)", () => {
  it("is open on a Tuesday at 10:00, closed at lunch, on Sunday and on Christmas Day", () => {
    const p = view({});
    expect(isOpenAt(p, TUESDAY_10)).toBe(true);
    expect(isOpenAt(p, TUESDAY_13)).toBe(false);
    expect(isOpenAt(p, SUNDAY_10)).toBe(false);
    expect(isOpenAt(p, CHRISTMAS_10)).toBe(false);
  });
  it("never counts a place without hours as open", () => {
    expect(isOpenAt(view({ openingHours: null }), TUESDAY_10)).toBe(false);
  });
  it("filters by benefit and opening time together", () => {
    const points = [view({ name: "a" }), view({ name: "b", benefitCodes: ["aah"] }), view({ name: "c", openingHours: "Su 09:00-12:00" })];
    expect(filterHelpPoints(points, { openAt: SUNDAY_10 }).map((p) => p.name)).toEqual(["c"]);
    expect(filterHelpPoints(points, { openAt: TUESDAY_10, benefit: "rsa" }).map((p) => p.name)).toEqual(["a"]);
    expect(filterHelpPoints(points, { benefit: "aah" }).map((p) => p.name)).toEqual(["b"]);
  });
});

describe("nearest help points", () => {
  const near = { lon: 3.8993, lat: 43.602 };
  const points = [view({ name: "Loin", lon: 3.7, lat: 43.7 }), view({ name: "Près", lon: 3.9, lat: 43.6 }), view({ name: "Sans position", lon: null, lat: null }), view({ name: "CCAS", category: "ccas", lon: 3.8, lat: 43.65, benefitCodes: ["aah"] })];
  it("orders by distance, points without a position last", () => {
    expect(rankHelpPoints(points, near, { limit: 4 }).map((p) => p.name)).toEqual(["Près", "CCAS", "Loin", "Sans position"]);
    expect(haversineMetres({ lon: 3.8772, lat: 43.6109 }, { lon: 3.8993, lat: 43.602 })).toBeGreaterThan(1900);
    expect(haversineMetres({ lon: 3.8772, lat: 43.6109 }, { lon: 3.8993, lat: 43.602 })).toBeLessThan(2100);
  });
  it("without a position puts the CCAS first; benefit codes narrow the list, falling back to all", () => {
    expect(rankHelpPoints(points, null, { limit: 2 }).map((p) => p.name)).toEqual(["CCAS", "Loin"]);
    expect(rankHelpPoints(points, near, { benefitCodes: ["aah"] }).map((p) => p.name)).toEqual(["CCAS"]);
    expect(rankHelpPoints(points, near, { benefitCodes: ["aspa"], limit: 1 }).map((p) => p.name)).toEqual(["Près"]);
  });
  it("matches an area and the coarser areas holding it", () => {
    const parents = new Map<string, string | null>([["iris", "sq"], ["sq", "q"], ["q", null]]);
    expect(withinArea("iris", "q", parents)).toBe(true);
    expect(withinArea("iris", "iris", parents)).toBe(true);
    expect(withinArea("q", "iris", parents)).toBe(false);
    expect(withinArea(null, "q", parents)).toBe(false);
  });
});

describe("help point validation", () => {
  it("normalises phones, strips HTML and refuses bad opening hours with the library's position", () => {
    expect(normalisePhone("+33467347000")).toBe("04 67 34 70 00");
    expect(normalisePhone("3230")).toBe("3230");
    expect(normalisePhone("12")).toBeNull();
    expect(stripHtml("<p>Aide&nbsp;aux <b>dossiers</b></p><script>alert(1)</script>")).toBe("Aide aux dossiers");
    // Entities are decoded before tags go: an encoded tag cannot come back as a tag.
    expect(stripHtml("&lt;script&gt;alert(1)&lt;/script&gt;Accueil")).toBe("Accueil");
    expect(stripHtml("<<b>script>x")).toBe("x");
    expect(stripHtml("revenus < 800 € et > 0")).toBe("revenus < 800 € et > 0");
    const r = helpPointInputSchema.safeParse({ name: "Lieu", category: "ccas", openingHours: "Mo-Fr 09h-12h; Sx 10:00-11:00" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(["openingHours"]);
    expect(r.error?.issues[0].message).toMatch(/^Horaires .*invalides : .*<---/);
  });
  it("stores the library's normalised hours and drops unknown accessibility levels", () => {
    const r = helpPointInputSchema.parse({ name: "Lieu", category: "ccas", openingHours: "mo-fr 9:00-12:00", access: { physical: "no", visual: "" }, stepFree: "non" });
    expect(r.openingHours).toBe("Mo-Fr 09:00-12:00");
    expect(r.accessibility).toEqual({ kinds: { physical: "no" }, stepFree: false });
  });
  it("wants a position as a pair", () => {
    expect(helpPointInputSchema.safeParse({ name: "Lieu", category: "ccas", lon: "3.8" }).error?.issues[0].path).toEqual(["lat"]);
  });
});

describe("data·inclusion mapping", () => {
  it("maps our categories to typologies and back (France Services by its label too)", () => {
    const doc = toDataInclusion([view({ category: "france_services" }), view({ name: "caf", category: "caf", bookingMotiveId: "m" })], "/t/x/rendez-vous");
    expect(doc.structures.map((s) => [s.typologie, s.labels_nationaux])).toEqual([["FS", ["france-services"]], ["CAF", []]]);
    expect(doc.services[1]).toMatchObject({ structure_id: "caf", prise_rdv: "/t/x/rendez-vous", langues_parlees: ["fr", "ar"] });
    expect(categoryFromTypology("MUNI", "")).toBe("mairie");
    expect(categoryFromTypology("ASSO", "france-services")).toBe("france_services");
    expect(categoryFromTypology("CS", "")).toBe("maison_pour_tous");
    expect(categoryFromTypology("ZZZ", "")).toBeNull();
  });
  it("a flat row reads back into the same input", () => {
    const p = view({ name: "Lieu" });
    const [flat] = toFlatRows(toDataInclusion([p], "/rdv"));
    expect(flat).toMatchObject({ barometre_accessibilite: "physical:yes,hearing:partial", barometre_plain_pied: "oui", langues_parlees: "fr,ar" });
    const { sourceKey, raw, typologyError } = rawFromFlatRow(flat);
    expect(sourceKey).toBe("Lieu");
    expect(typologyError).toBe(false);
    const input = helpPointInputSchema.parse(raw);
    for (const k of ["name", "category", "address", "postcode", "city", "lon", "lat", "phone", "email", "openingHours", "languages", "benefitCodes", "transit", "accessibility", "acceslibreUrl", "mission"] as const) {
      expect(input[k]).toEqual(p[k]);
    }
  });
  it("parses CSV with either separator, quotes, BOM and formula guards", () => {
    expect(parseCsv('\uFEFF"id";"nom"\r\n"a";"Maison ""des"" droits; centre"\r\n"b";"\'=1+1"\r\n').rows).toEqual([{ id: "a", nom: 'Maison "des" droits; centre' }, { id: "b", nom: "=1+1" }]);
    expect(parseCsv("id,nom\nc,\"x, y\"\n\n").rows).toEqual([{ id: "c", nom: "x, y" }]);
  });
  it("reads a bare array of structures and refuses other shapes", () => {
    expect(flatRowsFromJson([{ id: "a", nom: "A", typologie: "CCAS", langues_parlees: ["fr", "en"] }])?.[0]).toMatchObject({ id: "a", langues_parlees: "fr,en" });
    expect(flatRowsFromJson({ foo: 1 })).toBeNull();
  });
});

describe("the list's GET parameters", async () => {
  const { parsePlacesSearch } = await import("./search-params");
  const now = new Date("2026-11-30T12:00:00Z");
  it("reads ouvert=1&le=…&a=… as Paris time", () => {
    const r = parsePlacesSearch({ ouvert: "1", le: "2026-12-01", a: "10:00", categorie: "ccas", aide: "rsa" }, now);
    expect(r.at.toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(r.filters).toEqual({ openAt: r.at, category: "ccas", benefit: "rsa" });
    expect(r.fixedTime).toBe(true);
  });
  it("ignores unknown values and reports an impossible date or a time in the DST gap", () => {
    expect(parsePlacesSearch({ categorie: "zzz", quartier: "x", aide: "<b>" }, now).filters).toEqual({});
    expect(parsePlacesSearch({ le: "2026-02-30", a: "10:00" }, now).errors).toEqual(["date"]);
    const gap = parsePlacesSearch({ le: "2026-03-29", a: "02:30", ouvert: "1" }, now);
    expect(gap.errors).toEqual(["time"]);
    expect(gap.at).toBe(now);
  });
});

describe("the week's hours in words", async () => {
  const { weekHours } = await import("./week-hours");
  it("lists each day of the week, a public holiday closed", () => {
    const lines = weekHours("Mo-Fr 09:00-12:00,14:00-18:30; PH off", new Date("2026-12-22T09:00:00Z"), "fr");
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe("lundi 21 décembre\u00A0: 9\u00A0h – 12\u00A0h, 14\u00A0h – 18\u00A0h\u00A030");
    expect(lines[4]).toBe("vendredi 25 décembre\u00A0: fermé");
    expect(lines[6]).toBe("dimanche 27 décembre\u00A0: fermé");
    expect(weekHours(null, new Date(), "en")).toEqual([]);
  });
});
