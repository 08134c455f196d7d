// French plurals by Intl.PluralRules: 0 and 1 take the singular (« 0 emploi », « 1 projet »).
import { formatInteger } from "@oess/domain/format";

const rules = new Intl.PluralRules("fr-FR");

/** The singular or the plural wording for this number. */
export const plural = (n: number, one: string, many: string): string => (rules.select(n) === "one" ? one : many);

/** The number and its noun: « 1 financement », « 12 financements ». */
export const counted = (n: number, one: string, many: string): string => `${formatInteger(n)} ${plural(n, one, many)}`;

/** « 12 projets sont entrés en incubation », « 1 projet est entré en incubation », « aucun projet… ». */
export const enteredIncubation = (n: number): string =>
  n === 0 ? "Aucun projet n'est entré en incubation" : `${counted(n, "projet est entré", "projets sont entrés")} en incubation`;

/** « 3 entreprises ont été créées », « 1 entreprise a été créée », « aucune entreprise n'a été créée ». */
export const wereCreated = (n: number): string =>
  n === 0 ? "aucune entreprise n'a été créée" : counted(n, "entreprise a été créée", "entreprises ont été créées");
