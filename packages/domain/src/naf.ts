// NAF rév. 2 activity codes (INSEE), from @socialgouv/codes-naf, and their 21 sections.
import codesNaf from "@socialgouv/codes-naf";
import { SECTIONS } from "./naf-sections";

export { NAF_SECTION_LABELS, NAF_SECTIONS } from "./naf-sections";

const SUBCLASS = /^\d{2}\.\d{2}[A-Z]$/;
const SUBCLASS_LABELS = new Map(codesNaf.filter((c) => SUBCLASS.test(c.id)).map((c) => [c.id, c.label]));

/** Label of a NAF subclass such as "88.99B", or undefined if the code does not exist. */
export const nafLabel = (code: string): string | undefined => SUBCLASS_LABELS.get(code);

/** Section letter of an existing NAF subclass, or undefined if the code does not exist. */
export function nafSection(code: string): string | undefined {
  if (!SUBCLASS_LABELS.has(code)) return undefined;
  const division = Number(code.slice(0, 2));
  return SECTIONS.find(([, first, last]) => division >= first && division <= last)?.[0];
}
