// The choropleth's geometry and classes, as plain functions: the server draws the map from them.

/** Longitude, latitude (WGS 84). */
type Position = [number, number];
/** A GeoJSON MultiPolygon's coordinates. */
export type Polygons = Position[][][];

/** The polygons of a commune's contour as the API gives it (a GeoJSON MultiPolygon), or null. */
export function contourPolygons(contour: unknown): Polygons | null {
  const geometry = contour as { type?: unknown; coordinates?: unknown } | null;
  return geometry?.type === "MultiPolygon" && Array.isArray(geometry.coordinates) ? (geometry.coordinates as Polygons) : null;
}

export interface ProjectedMap {
  width: number;
  height: number;
  /** SVG path of each commune that has a contour, by INSEE code. */
  paths: Map<string, string>;
}

/**
 * Projects the contours to a `width`-wide frame. An EPCI spans a few dozen kilometres: an
 * equirectangular projection scaled by the cosine of its mean latitude keeps its shapes true.
 */
export function projectContours(contours: ReadonlyMap<string, Polygons>, width: number, margin = 4): ProjectedMap {
  const points = [...contours.values()].flat(3);
  if (points.length === 0) return { width, height: 0, paths: new Map() };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [west, east, south, north] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const aspect = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = (width - 2 * margin) / Math.max((east - west) * aspect, 1e-9);
  const height = Math.ceil((north - south) * scale + 2 * margin);
  const point = ([lon, lat]: Position) => `${((lon - west) * aspect * scale + margin).toFixed(1)},${((north - lat) * scale + margin).toFixed(1)}`;
  const paths = new Map(
    [...contours].map(([code, polygons]) => [code, polygons.flatMap((polygon) => polygon.map((ring) => `M${ring.map(point).join("L")}Z`)).join("")]),
  );
  return { width, height, paths };
}

export interface MapClass {
  /** Smallest and largest value drawn in this class (real values, never rounded bounds). */
  min: number;
  max: number;
  colour: string;
}

/**
 * Five classes from light to dark: their lightness alone orders them, so the map reads in grey
 * too (ColorBrewer YlGnBu). Zero is a class of its own, in white.
 */
export const CLASS_COLOURS = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"] as const;
export const ZERO_COLOUR = "#ffffff";

/** Classes of equal counts (quantiles) over the values above zero; fewer when values repeat. */
export function classify(values: readonly number[], count = CLASS_COLOURS.length): MapClass[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const n = sorted.length;
  const k = Math.min(count, new Set(sorted).size);
  // distinct[j]: how many different values sorted[j…] holds.
  const distinct = Array.from({ length: n + 1 }, () => 0);
  for (let j = n - 1; j >= 0; j--) distinct[j] = (distinct[j + 1] as number) + (sorted[j] === sorted[j + 1] ? 0 : 1);
  const runEnd = (i: number) => i + 1 < n && sorted[i + 1] === sorted[i];
  const classes: Array<{ min: number; max: number }> = [];
  let start = 0;
  for (let i = 1; i <= k; i++) {
    let end = i === k ? n - 1 : Math.max(start, Math.ceil((i * n) / k) - 1);
    // Equal values stay in one class: end the class before their run, or after it if the class would be empty.
    if (runEnd(end)) {
      let back = end;
      while (back >= start && sorted[back] === sorted[end]) back--;
      if (back >= start) end = back;
      else while (runEnd(end)) end++;
    }
    // Leave a different value to each class still to make.
    while ((distinct[end + 1] as number) < k - i) {
      end--;
      while (runEnd(end)) end--;
    }
    classes.push({ min: sorted[start] as number, max: sorted[end] as number });
    start = end + 1;
  }
  // Spread the colours over the classes there are, from the lightest to the darkest.
  const last = classes.length - 1;
  return classes.map((c, i) => ({
    ...c,
    colour: CLASS_COLOURS[last === 0 ? CLASS_COLOURS.length - 1 : Math.round((i * (CLASS_COLOURS.length - 1)) / last)] as string,
  }));
}

/** The class a value falls in, or null for zero. */
export const classOf = (value: number, classes: readonly MapClass[]): MapClass | null =>
  value > 0 ? (classes.find((c) => value <= c.max) ?? classes[classes.length - 1] ?? null) : null;
