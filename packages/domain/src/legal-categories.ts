// INSEE's legal categories (catégories juridiques, niveau III): what Sirene says an organisation
// is (5458 « SARL coopérative ouvrière de production (SCOP) », 9220 « Association déclarée »…).
// The nomenclature ships in data/categories-juridiques.csv (source and licence: data/SOURCES.md).
import fs from "node:fs";
import { createRequire } from "node:module";
import type { LegalCategoryFacts } from "./records";
import type { CooperativeKind, LegalFamily } from "./vocabulary";

let nomenclature: ReadonlyMap<string, string> | null = null;

/** Code → label, read once from the shipped file. */
export function legalCategories(): ReadonlyMap<string, string> {
  nomenclature ??= new Map(
    fs
      // Resolved as a package file: found from the sources and from a bundled app alike.
      .readFileSync(createRequire(import.meta.url).resolve("@oess/domain/data/categories-juridiques.csv"), "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [code = "", label = ""] = line.split(";");
        return [code, label] as const;
      }),
  );
  return nomenclature;
}

export const legalCategoryLabel = (code: string): string | null => legalCategories().get(code) ?? null;

const SCOP_CATEGORIES = new Set(["5458", "5558", "5658"]);

/**
 * The ESS legal family a category implies, where it implies one: associations (92xx),
 * foundations (9300), mutuals, cooperatives (by their label), and otherwise commercial
 * companies (52xx to 58xx), which belong to the ESS as « sociétés commerciales de l'ESS ».
 */
export function legalFamilyOfCategory(code: string): LegalFamily | null {
  const label = legalCategoryLabel(code);
  if (label === null) return null;
  if (code.startsWith("92")) return "ASSOCIATION";
  if (code === "9300") return "FOUNDATION";
  if (["8210", "8250", "8290", "6411"].includes(code)) return "MUTUAL";
  if (/coopérati/i.test(label)) return "COOPERATIVE";
  if (/^5[2-8]/.test(code)) return "ESS_COMPANY";
  return null;
}

/** The kind of cooperative a category implies: only the Scop categories name theirs. */
export const cooperativeKindOfCategory = (code: string): CooperativeKind | null => (SCOP_CATEGORIES.has(code) ? "SCOP" : null);

/** The nomenclature as the enterprise checks read it. */
export const LEGAL_CATEGORY_FACTS: LegalCategoryFacts = {
  label: legalCategoryLabel,
  family: legalFamilyOfCategory,
  cooperativeKind: cooperativeKindOfCategory,
};
