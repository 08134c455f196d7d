// Small helpers over the API's indicator rows.

/** One row per year of the period, zeros where the API has none: a chart never skips a year silently. */
export function everyYear<Row extends { year: number | null }>(
  rows: readonly Row[],
  period: { from: number; to: number },
  empty: (year: number) => Row,
): Row[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const out: Row[] = [];
  for (let year = period.from; year <= period.to; year++) out.push(byYear.get(year) ?? empty(year));
  return out;
}

export const sum = <Row>(rows: readonly Row[], value: (row: Row) => number): number => rows.reduce((acc, r) => acc + value(r), 0);

/** The row with the largest value (the first one on ties), for summaries. */
export function peak<Row>(rows: readonly Row[], value: (row: Row) => number): Row | undefined {
  return rows.reduce<Row | undefined>((best, r) => (best === undefined || value(r) > value(best) ? r : best), undefined);
}

export const byDescending =
  <Row>(value: (row: Row) => number) =>
  (a: Row, b: Row) =>
    value(b) - value(a);
