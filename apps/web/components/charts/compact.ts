// « 850 k », « 1,4 M »: short enough to sit above a bar.
const COMPACT = new Intl.NumberFormat("fr-FR", { notation: "compact", maximumSignificantDigits: 2 });
export const compact = (n: number): string => COMPACT.format(n);
export const compactEuros = (n: number): string => `${compact(n)}\u00a0€`;
