// Statistical confidentiality as the dashboard shows it: the API gives a hidden jobs figure as
// null; it reads « secret », never zero, and its CSV cell carries the conventional « s » flag.

export const SECRET_LABEL = "secret";

/** Under every chart that can hold a hidden figure. */
export const SECRET_NOTE = "« secret » : chiffre masqué par le secret statistique (trop peu d'entreprises, ou une seule qui domine), voir la méthodologie.";

export const shownOrSecret = (value: number | null, format: (n: number) => string): string => (value === null ? SECRET_LABEL : format(value));

export const rawOrSecret = (value: string | number | null): string | number => value ?? "s";

/** The sum, or null when one of the figures is hidden: a total would give it away. */
export function sumOrSecret<Row>(rows: readonly Row[], value: (row: Row) => number | null): number | null {
  let total = 0;
  for (const row of rows) {
    const v = value(row);
    if (v === null) return null;
    total += v;
  }
  return total;
}
