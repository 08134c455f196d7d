// SIRENE's staff bands (tranches d'effectif salarié): what the register says of an
// establishment's size. They are ranges, never a head count: a sum of bands is not a number of
// jobs, so pages show counts of establishments per band, or the range of their bounds.

/** Code → French label, lower and upper bound (null: open), in the register's order. */
export const STAFF_BANDS: ReadonlyArray<readonly [code: string, label: string, min: number, max: number | null]> = [
  ["NN", "Non employeur", 0, 0],
  ["00", "0 salarié", 0, 0],
  ["01", "1 ou 2 salariés", 1, 2],
  ["02", "3 à 5 salariés", 3, 5],
  ["03", "6 à 9 salariés", 6, 9],
  ["11", "10 à 19 salariés", 10, 19],
  ["12", "20 à 49 salariés", 20, 49],
  ["21", "50 à 99 salariés", 50, 99],
  ["22", "100 à 199 salariés", 100, 199],
  ["31", "200 à 249 salariés", 200, 249],
  ["32", "250 à 499 salariés", 250, 499],
  ["41", "500 à 999 salariés", 500, 999],
  ["42", "1 000 à 1 999 salariés", 1000, 1999],
  ["51", "2 000 à 4 999 salariés", 2000, 4999],
  ["52", "5 000 à 9 999 salariés", 5000, 9999],
  ["53", "10 000 salariés et plus", 10000, null],
];

export const STAFF_BAND_CODES = STAFF_BANDS.map(([code]) => code);
const LABELS = new Map(STAFF_BANDS.map(([code, label]) => [code, label]));

/** The band's label; « Effectif inconnu » when SIRENE gives none. */
export const staffBandLabel = (code: string | null): string => (code === null ? "Effectif inconnu" : (LABELS.get(code) ?? "Effectif inconnu"));
