// French number formatting for figures shown to people (narrow no-break spaces, « € »).
const integer = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euros = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });

export const formatInteger = (n: number): string => integer.format(n);
export const formatDecimal = (n: number): string => decimal.format(n);
/** Amounts arrive as decimal strings from the API, to keep cents exact until display. */
export const formatEuros = (amount: number | string): string => euros.format(Number(amount));
const eurosAndCents = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const exactDecimal = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 4 });
/** An amount as it was recorded, cents included when there are any (a record's page, not a chart). */
export const formatExactEuros = (amount: number | string): string => {
  const value = Number(amount);
  return Number.isInteger(value) ? euros.format(value) : eurosAndCents.format(value);
};
/** A decimal as it was recorded (5,5 ETP; 0,25), in French. */
export const formatExactDecimal = (value: number | string): string => exactDecimal.format(Number(value));
const percent = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0 });
const change = new Intl.NumberFormat("fr-FR", { style: "percent", maximumFractionDigits: 0, signDisplay: "exceptZero" });
// French typography: a narrow no-break space before « % » (Intl gives a wide one) and a true minus.
const typeset = (text: string): string => text.replace("\u00a0%", "\u202f%").replace("-", "\u2212");
/** A share (0.25 → « 25 % »). */
export const formatPercent = (share: number): string => typeset(percent.format(share));
/** A change between two values (« +12 % », « −5 % »); null when there is nothing to compare with. */
export const formatChange = (current: number, previous: number): string | null => (previous > 0 ? typeset(change.format(current / previous - 1)) : null);

const day = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });
const instant = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const today = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });
/** A calendar date of the data ("2024-03-31" → « 31 mars 2024 »), whatever the server's time zone. */
export const formatDate = (iso: string): string => day.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
/** A moment something happened, as clocks in Niort showed it (« 26 novembre 2026 à 08:23 »). */
export const formatDateTime = (moment: string | Date): string => instant.format(new Date(moment));
/** The day of a moment, in Niort (« 26 novembre 2026 »). */
export const formatDay = (moment: string | Date): string => today.format(new Date(moment));
