// « 850 k », « 1,43 M »: short enough to sit above a bar, three digits so that it stays close to
// the exact value the tooltip and the table give.
const COMPACT = new Intl.NumberFormat("fr-FR", { notation: "compact", maximumSignificantDigits: 3 });
export const compact = (n: number): string => COMPACT.format(n);
export const compactEuros = (n: number): string => `${compact(n)}\u00a0€`;
