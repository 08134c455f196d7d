import { describe, expect, it } from "vitest";
import { extractContours, loadContours, type Position } from "./contours";
import { loadTerritory } from "./territory";

const niortais = loadTerritory();
const ring = (lon: number, lat: number): Position[] => [
  [lon, lat],
  [lon + 0.012345678, lat],
  [lon, lat + 0.01],
  [lon, lat],
];

describe("commune contours", () => {
  it("ships a contour for each of the 40 communes of the CA du Niortais, inside the Deux-Sèvres", () => {
    const contours = loadContours(niortais.epciSiren);
    expect([...contours.keys()].sort()).toEqual(niortais.communes.map((c) => c.code).sort());
    for (const polygons of contours.values()) {
      for (const [lon, lat] of polygons.flat(2)) {
        expect(lon).toBeGreaterThan(-0.8);
        expect(lon).toBeLessThan(-0.2);
        expect(lat).toBeGreaterThan(46.0);
        expect(lat).toBeLessThan(46.6);
      }
    }
  });

  it("has none for a territory whose file is not shipped: its maps list every commune as missing", () => {
    expect(loadContours("200069854").size).toBe(0);
  });

  it("keeps the territory's communes of the département files, as MultiPolygons rounded to 4 decimals, and names the missing ones", () => {
    const [niort, magne, other] = ["79191", "79162", "86194"];
    const { geojson, missing } = extractContours(niortais, [
      {
        type: "FeatureCollection",
        features: [
          { type: "Feature", properties: { code: niort, nom: "Niort" }, geometry: { type: "Polygon", coordinates: [ring(-0.46, 46.32)] } },
          { type: "Feature", properties: { code: other, nom: "Poitiers" }, geometry: { type: "Polygon", coordinates: [ring(0.34, 46.58)] } },
        ],
      },
      {
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: { code: magne, nom: "Magné" },
            geometry: { type: "MultiPolygon", coordinates: [[ring(-0.55, 46.31)], [ring(-0.5, 46.3)]] },
          },
        ],
      },
    ]);
    expect(geojson.features.map((f) => f.properties.code)).toEqual([niort, magne]);
    expect(geojson.features[0]?.geometry).toEqual({
      type: "MultiPolygon",
      coordinates: [
        [
          [
            [-0.46, 46.32],
            [-0.4477, 46.32],
            [-0.46, 46.33],
            [-0.46, 46.32],
          ],
        ],
      ],
    });
    expect(geojson.features[1]?.geometry.coordinates).toHaveLength(2);
    expect(missing).toHaveLength(38);
    expect(missing).not.toContain(niort);
    expect(missing).toContain("79003");
  });
});
