// French number formatting for figures shown to people (narrow no-break spaces, « € »).
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export const formatInteger = (n: number): string => integer.format(n);
export const formatDecimal = (n: number): string => decimal.format(n);
/** Amounts arrive as decimal strings from the API, to keep cents exact until display. */
export const formatEuros = (amount: number | string): string => euros.format(Number(amount));
