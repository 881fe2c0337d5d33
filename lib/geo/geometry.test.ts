import { describe, expect, it } from "vitest";
import { centroid, contains, type PolygonGeometry } from "./geometry";

const square: PolygonGeometry = {
  type: "Polygon",
  coordinates: [
    [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]],
    [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]],
  ],
};

describe("geometry", () => {
  it("finds points inside a polygon but not in its hole", () => {
    expect(contains(square, [3, 3])).toBe(true);
    expect(contains(square, [1.5, 1.5])).toBe(false);
    expect(contains(square, [5, 1])).toBe(false);
  });
  it("computes the centroid of the largest ring of a multipolygon", () => {
    const multi: PolygonGeometry = {
      type: "MultiPolygon",
      coordinates: [
        [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]],
        [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]]],
      ],
    };
    expect(centroid(multi)).toEqual([2, 1]);
  });
});
