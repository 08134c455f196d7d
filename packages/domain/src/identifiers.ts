// French company and association identifiers (SIREN, SIRET, RNA).

/** Luhn check over a string of digits (the INSEE key of SIREN and SIRET numbers). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that, appended to `digits`, makes the whole Luhn-valid. */
export function luhnCheckDigit(digits: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(digits + d)) return String(d);
  throw new Error("unreachable: one Luhn digit always exists");
}

// La Poste's establishments share SIREN 356000000 and are too many for the Luhn key:
// INSEE validates them by the plain sum of the 14 digits being a multiple of 5.
const LA_POSTE_SIREN = "356000000";

export type IdentifierProblem = "format" | "checksum";

export function checkSiren(value: string): IdentifierProblem | null {
  if (!/^\d{9}$/.test(value)) return "format";
  return luhnValid(value) ? null : "checksum";
}

export function checkSiret(value: string): IdentifierProblem | null {
  if (!/^\d{14}$/.test(value)) return "format";
  if (value.startsWith(LA_POSTE_SIREN)) {
    const sum = [...value].reduce((acc, c) => acc + Number(c), 0);
    return sum % 5 === 0 ? null : "checksum";
  }
  if (checkSiren(value.slice(0, 9)) !== null) return "checksum";
  return luhnValid(value) ? null : "checksum";
}

export const isValidSiren = (value: string): boolean => checkSiren(value) === null;
export const isValidSiret = (value: string): boolean => checkSiret(value) === null;

/** RNA number of an association (Répertoire national des associations): W followed by 9 digits. */
export const RNA_PATTERN = /^W\d{9}$/;
export const isValidRna = (value: string): boolean => RNA_PATTERN.test(value);

/** Removes the spaces people type in identifiers ("123 456 789 00012"). */
export const normalizeIdentifier = (value: string): string => value.replace(/[\s\u00a0\u202f.-]/g, "").toUpperCase();

/** A database id of the observatory (UUID): what the API and the open data name records by. */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
