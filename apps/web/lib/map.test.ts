// The map's classes and projection, checked against what a reader of the legend relies on.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLASS_COLOURS, classify, classOf, contourPolygons, projectContours } from "./map";

describe("classify", () => {
  it("puts every value above zero in exactly one class whose bounds are real values, ordered, light to dark", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }), fc.double({ min: 0.01, max: 1e6, noNaN: true })), { maxLength: 60 }),
        (values) => {
          const classes = classify(values);
          const positive = values.filter((v) => v > 0);
          expect(classes.length).toBeLessThanOrEqual(CLASS_COLOURS.length);
          expect(classes.length).toBe(Math.min(CLASS_COLOURS.length, new Set(positive).size));
          for (const [i, c] of classes.entries()) {
            expect(positive).toContain(c.min);
            expect(positive).toContain(c.max);
            expect(c.min).toBeLessThanOrEqual(c.max);
            if (i > 0) expect(c.min).toBeGreaterThan(classes[i - 1]?.max as number);
          }
          // Colours follow the classes' order, without repeating.
          const order = classes.map((c) => CLASS_COLOURS.indexOf(c.colour as (typeof CLASS_COLOURS)[number]));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(new Set(order).size).toBe(order.length);
          for (const v of values) {
            const c = classOf(v, classes);
            if (v <= 0) expect(c).toBeNull();
            else expect(c && c.min <= v && v <= c.max).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("makes classes of about equal counts, and gives the darkest colour to the largest values", () => {
    const classes = classify([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9, 10],
    ]);
    expect(classes.at(-1)?.colour).toBe(CLASS_COLOURS.at(-1));
    expect(classify([0, 0])).toEqual([]);
    expect(classify([7, 7, 7]).map((c) => [c.min, c.max, c.colour])).toEqual([[7, 7, CLASS_COLOURS.at(-1)]]);
  });
});

describe("projectContours", () => {
  const square = (lon: number, lat: number, size: number): [number, number][][][] => [
    [
      [
        [lon, lat],
        [lon + size, lat],
        [lon + size, lat + size],
        [lon, lat + size],
        [lon, lat],
      ],
    ],
  ];

  it("fits the contours in the frame, north up, a degree of longitude shortened by the cosine of the latitude", () => {
    const map = projectContours(new Map([["A", square(0, 60, 1)]]), 104, 2);
    // At 60.5° a degree of longitude is about half a degree of latitude: the square is twice as tall as wide.
    expect(map.height).toBeGreaterThan(190);
    expect(map.height).toBeLessThan(210);
    const numbers = (map.paths.get("A") ?? "").match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBe(2);
    expect(Math.max(...xs)).toBe(102);
    expect(Math.min(...ys)).toBe(2);
    // The first corner is the south-west one: at the bottom.
    expect(ys[0]).toBe(Math.max(...ys));
  });

  it("draws nothing from no contour, and reads only MultiPolygons from the API", () => {
    expect(projectContours(new Map(), 100)).toEqual({ width: 100, height: 0, paths: new Map() });
    expect(contourPolygons(null)).toBeNull();
    expect(contourPolygons({ type: "Point", coordinates: [0, 0] })).toBeNull();
    expect(contourPolygons({ type: "MultiPolygon", coordinates: square(0, 0, 1) })).toEqual(square(0, 0, 1));
  });
});
