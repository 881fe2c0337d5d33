import { describe, expect, it } from "vitest";
import { distanceKm, sortByDistance } from "./places-order";

describe("places nearest first", () => {
  it("measures Montpellier Comédie → Mosson at about 5 km", () => {
    expect(distanceKm([3.8797, 43.6085], [3.8195, 43.6164])).toBeCloseTo(4.9, 0);
  });
  it("puts the nearest first and places without a position last", () => {
    const places = [
      { name: "Loin", lon: 3.9, lat: 43.7 }, { name: "Sans position", lon: null, lat: null }, { name: "Près", lon: 3.82, lat: 43.617 },
    ];
    expect(sortByDistance(places, [3.8195, 43.6164]).map((x) => x.place.name)).toEqual(["Près", "Loin", "Sans position"]);
    expect(sortByDistance(places, null).map((x) => x.place.name)).toEqual(["Loin", "Près", "Sans position"]);
  });
});
