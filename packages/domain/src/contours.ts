// Commune contours for the maps, one GeoJSON file per EPCI in data/contours/{siren}.geojson (IGN
// Admin Express COG 2018, Licence Ouverte: see data/SOURCES.md). `npm run territory:contours`
// writes the file of the configured EPCI from the département files where its communes are.
// Not exported by the package's index: the dashboard's bundler would try to follow the file.
import fs from "node:fs";
import { createRequire } from "node:module";
import type { Territory } from "./territory";

/** What every map drawn from these contours must show. */
export const CONTOURS_ATTRIBUTION = "Contours : IGN – Admin Express COG 2018, Licence Ouverte";

/** Longitude, latitude (WGS 84). */
export type Position = [number, number];
/** A GeoJSON MultiPolygon's coordinates: polygons, each an outer ring then its holes. */
export type Polygons = Position[][][];

interface Feature {
  type: "Feature";
  properties: { code: string; nom: string };
  geometry: { type: "Polygon"; coordinates: Position[][] } | { type: "MultiPolygon"; coordinates: Polygons };
}

interface FeatureCollection {
  type: "FeatureCollection";
  features: Feature[];
}

/** Four decimals of a degree are about 10 m: finer than a map of an EPCI can show, and half the size. */
const round = ([x, y]: Position): Position => [Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4];

const polygonsOf = (geometry: Feature["geometry"]): Polygons => (geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates);

/** The contours of the territory's communes found in these collections, and the communes none has. */
export function extractContours(territory: Territory, collections: readonly unknown[]): { geojson: FeatureCollection; missing: string[] } {
  const wanted = new Set(territory.communes.map((c) => c.code));
  const found = new Map<string, Feature>();
  for (const collection of collections) {
    for (const feature of (collection as Partial<FeatureCollection>).features ?? []) {
      const code = feature?.properties?.code;
      if (!code || !wanted.has(code) || !feature.geometry) continue;
      const polygons = polygonsOf(feature.geometry).map((polygon) => polygon.map((ring) => ring.map(round)));
      found.set(code, { type: "Feature", properties: { code, nom: feature.properties.nom }, geometry: { type: "MultiPolygon", coordinates: polygons } });
    }
  }
  const features = territory.communes.flatMap((c) => found.get(c.code) ?? []);
  return { geojson: { type: "FeatureCollection", features }, missing: territory.communes.filter((c) => !found.has(c.code)).map((c) => c.code) };
}

const loaded = new Map<string, ReadonlyMap<string, Polygons>>();

/** The shipped contours of an EPCI's communes by INSEE code; empty when none are shipped for it. */
export function loadContours(epciSiren: string): ReadonlyMap<string, Polygons> {
  let contours = loaded.get(epciSiren);
  if (!contours) {
    let text: string | null = null;
    try {
      // Resolved as a package file: the bundled API has no source tree to read it from.
      text = fs.readFileSync(createRequire(import.meta.url).resolve(`@oess/domain/data/contours/${epciSiren}.geojson`), "utf8");
    } catch {
      text = null;
    }
    const features = text ? (JSON.parse(text) as FeatureCollection).features : [];
    contours = new Map(features.map((f) => [f.properties.code, polygonsOf(f.geometry)]));
    loaded.set(epciSiren, contours);
  }
  return contours;
}
