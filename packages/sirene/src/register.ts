// The territory's ESS establishments from the two SIRENE stock files. StockEtablissement says where
// an establishment is; StockUniteLegale says whether its legal unit is ESS
// (economieSocialeSolidaireUniteLegale = O), its legal category and its name. The establishments
// file is read first, kept to the territory's communes (a few thousand rows of 40 million), so
// that the units file is then kept to their SIRENs: memory is bounded by the territory, never by
// the country.
import { type LegalFamily, nafSection, STAFF_BAND_CODES } from "@oess/domain";
import { legalFamilyOfCategory } from "@oess/domain/legal-categories";
import { ScanError, type ScanProgress, scanCsv } from "./scan";

/** An establishment of the register, as the import stores it. */
export interface RegisterEntry {
  siret: string;
  siren: string;
  /** False when the unit or the establishment is not diffusible (statutDiffusion ≠ O): counted, never named. */
  diffusible: boolean;
  /** The legal unit's name; null when not diffusible. */
  name: string | null;
  /** The establishment's own name (enseigne or usual name), if any; null when not diffusible. */
  establishmentName: string | null;
  communeCode: string;
  legalCategory: string;
  legalFamily: LegalFamily | null;
  /** NAF rév. 2 subclass (e.g. 88.99B), when the register gives the activity in it. */
  nafRev2: string | null;
  /** NAF 2025 code, when the register gives it. */
  naf2025: string | null;
  /** Section of the NAF rév. 2 code. */
  nafSection: string | null;
  staffBand: string | null;
  staffBandYear: number | null;
  createdOn: string | null;
  unitCreatedOn: string | null;
  active: boolean;
  /** When an establishment is closed (etatAdministratif F): the start of that period. */
  ceasedOn: string | null;
  headOffice: boolean;
}

export interface StockFile {
  /** As errors and progress name it. */
  name: string;
  open(): AsyncIterable<Uint8Array>;
}

export type RegisterPhase = "establishments" | "units";

export interface ReadRegisterOptions {
  /** INSEE codes of the territory's communes. */
  communes: ReadonlySet<string>;
  signal?: AbortSignal;
  onProgress?: (phase: RegisterPhase, progress: ScanProgress) => void;
}

export interface RegisterRead {
  entries: RegisterEntry[];
  /** The latest processing date among the rows kept: the extract is at least that recent. */
  latestProcessedOn: string | null;
  establishmentsRead: number;
  establishmentsInTerritory: number;
  unitsRead: number;
}

const ESTABLISHMENT_COLUMNS = [
  "siren",
  "siret",
  "statutDiffusionEtablissement",
  "dateCreationEtablissement",
  "trancheEffectifsEtablissement",
  "anneeEffectifsEtablissement",
  "dateDernierTraitementEtablissement",
  "etablissementSiege",
  "codeCommuneEtablissement",
  "dateDebut",
  "etatAdministratifEtablissement",
  "enseigne1Etablissement",
  "denominationUsuelleEtablissement",
  "activitePrincipaleEtablissement",
  "nomenclatureActivitePrincipaleEtablissement",
  "activitePrincipaleNAF25Etablissement",
] as const;

const UNIT_COLUMNS = [
  "siren",
  "statutDiffusionUniteLegale",
  "dateCreationUniteLegale",
  "dateDernierTraitementUniteLegale",
  "denominationUniteLegale",
  "nomUniteLegale",
  "prenom1UniteLegale",
  "categorieJuridiqueUniteLegale",
  "economieSocialeSolidaireUniteLegale",
] as const;

type Establishment = Record<(typeof ESTABLISHMENT_COLUMNS)[number], string>;

/** The columns whose values repeat from row to row (codes, flags, dates), unlike identifiers and names. */
const REPEATED = ESTABLISHMENT_COLUMNS.filter(
  (c) => c !== "siren" && c !== "siret" && c !== "enseigne1Etablissement" && c !== "denominationUsuelleEtablissement",
);
type Unit = Record<(typeof UNIT_COLUMNS)[number], string>;

const STAFF_BANDS = new Set(STAFF_BAND_CODES);
const DATE = /^\d{4}-\d{2}-\d{2}/;

const date = (value: string | undefined): string | null => (value && DATE.test(value) ? value.slice(0, 10) : null);
const text = (value: string | undefined): string | null => (value && value !== "[ND]" ? value.trim() || null : null);
const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);

/** The unit's name: a denomination, or a person's first and last names. */
function unitName(unit: Unit): string | null {
  return text(unit.denominationUniteLegale) ?? text([unit.prenom1UniteLegale, unit.nomUniteLegale].filter(Boolean).join(" "));
}

function entryOf(establishment: Establishment, unit: Unit): RegisterEntry {
  const diffusible = unit.statutDiffusionUniteLegale === "O" && establishment.statutDiffusionEtablissement === "O";
  const nomenclature = establishment.nomenclatureActivitePrincipaleEtablissement;
  const activity = text(establishment.activitePrincipaleEtablissement);
  const nafRev2 = nomenclature === "NAFRev2" ? activity : null;
  const naf2025 = text(establishment.activitePrincipaleNAF25Etablissement) ?? (nomenclature === "NAF2025" ? activity : null);
  const band = establishment.trancheEffectifsEtablissement;
  const year = Number(establishment.anneeEffectifsEtablissement);
  const active = establishment.etatAdministratifEtablissement === "A";
  return {
    siret: establishment.siret,
    siren: establishment.siren,
    diffusible,
    name: diffusible ? unitName(unit) : null,
    establishmentName: diffusible ? (text(establishment.denominationUsuelleEtablissement) ?? text(establishment.enseigne1Etablissement)) : null,
    communeCode: establishment.codeCommuneEtablissement,
    legalCategory: unit.categorieJuridiqueUniteLegale,
    legalFamily: legalFamilyOfCategory(unit.categorieJuridiqueUniteLegale),
    nafRev2,
    naf2025,
    nafSection: nafRev2 ? (nafSection(nafRev2) ?? null) : null,
    staffBand: STAFF_BANDS.has(band) ? band : null,
    staffBandYear: STAFF_BANDS.has(band) && Number.isInteger(year) && year > 1900 ? year : null,
    createdOn: date(establishment.dateCreationEtablissement),
    unitCreatedOn: date(unit.dateCreationUniteLegale),
    active,
    ceasedOn: active ? null : date(establishment.dateDebut),
    headOffice: establishment.etablissementSiege === "true",
  };
}

/** One string per distinct value, for the values of the establishments kept. */
function interner(): (value: string) => string {
  const strings = new Map<string, string>();
  return (value) => {
    if (value === undefined) return value;
    const known = strings.get(value);
    if (known !== undefined) return known;
    strings.set(value, value);
    return value;
  };
}

/** Reads both files; throws `AbortError` when `signal` aborts, `ScanError` on a malformed file. */
export async function readRegister(files: { units: StockFile; establishments: StockFile }, options: ReadRegisterOptions): Promise<RegisterRead> {
  const establishments: Establishment[] = [];
  const intern = interner();
  let establishmentsRead = 0;
  for await (const row of scanCsv(files.establishments.open(), files.establishments.name, {
    columns: ESTABLISHMENT_COLUMNS,
    // Added to the files in 2025, as the registers move to NAF 2025: older extracts lack it.
    optional: ["activitePrincipaleNAF25Etablissement"],
    filterColumn: "codeCommuneEtablissement",
    keep: options.communes,
    signal: options.signal,
    onProgress: (p) => {
      establishmentsRead = p.rowsRead;
      options.onProgress?.("establishments", p);
    },
  })) {
    const { siret, siren } = row.values;
    if (!/^\d{14}$/.test(siret ?? "") || siret?.slice(0, 9) !== siren) {
      throw new ScanError(`${files.establishments.name}, ligne ${row.line} : SIRET « ${siret} » invalide ou sans rapport avec le SIREN « ${siren} ».`);
    }
    const values = row.values as Establishment;
    // Codes, flags and dates repeat from row to row: one string each, not one per row, keeps the
    // memory of a large territory's rows at a third.
    for (const column of REPEATED) values[column] = intern(values[column]);
    establishments.push(values);
  }

  const units = new Map<string, Unit>();
  let unitsRead = 0;
  for await (const row of scanCsv(files.units.open(), files.units.name, {
    columns: UNIT_COLUMNS,
    filterColumn: "siren",
    keep: new Set(establishments.map((e) => e.siren)),
    signal: options.signal,
    onProgress: (p) => {
      unitsRead = p.rowsRead;
      options.onProgress?.("units", p);
    },
  })) {
    const unit = row.values as Unit;
    if (unit.economieSocialeSolidaireUniteLegale !== "O") continue;
    if (!/^\d{4}$/.test(unit.categorieJuridiqueUniteLegale)) {
      throw new ScanError(
        `${files.units.name}, ligne ${row.line} : catégorie juridique « ${unit.categorieJuridiqueUniteLegale} » invalide (4 chiffres attendus).`,
      );
    }
    units.set(unit.siren, unit);
  }

  const entries: RegisterEntry[] = [];
  let latestProcessedOn: string | null = null;
  for (const establishment of establishments) {
    const unit = units.get(establishment.siren);
    if (!unit) continue;
    entries.push(entryOf(establishment, unit));
    latestProcessedOn = later(latestProcessedOn, later(date(establishment.dateDernierTraitementEtablissement), date(unit.dateDernierTraitementUniteLegale)));
  }
  entries.sort((a, b) => (a.siret < b.siret ? -1 : a.siret > b.siret ? 1 : 0));
  return { entries, latestProcessedOn, establishmentsRead, establishmentsInTerritory: establishments.length, unitsRead };
}
