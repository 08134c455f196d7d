import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { establishment, FIXTURE_COMMUNES, FIXTURE_ESTABLISHMENTS, FIXTURE_UNITS, type Values, writeFixtureFiles, writeStock } from "./fixtures";
import { ESTABLISHMENT_HEADER, UNIT_HEADER } from "./official-shape";
import { readRegister } from "./register";
import { ScanError } from "./scan";
import { stockFile } from "./stock-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sirene-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const COMMUNES = FIXTURE_COMMUNES;
const UNITS = FIXTURE_UNITS;
const ESTABLISHMENTS = FIXTURE_ESTABLISHMENTS;
const write = (name: string, header: readonly string[], rows: Values[], eol = "\n") => writeStock(dir, name, header, rows, eol);
const unitsFile = () => writeFixtureFiles(dir).units;
const establishmentsFile = () => writeFixtureFiles(dir).establishments;

function zipped(name: string, source: string): Promise<string> {
  const file = path.join(dir, name);
  const archive = new yazl.ZipFile();
  archive.addFile(source, path.basename(source));
  archive.end();
  return new Promise((resolve, reject) => {
    archive.outputStream
      .pipe(fs.createWriteStream(file))
      .on("finish", () => resolve(file))
      .on("error", reject);
  });
}

describe("readRegister", () => {
  it("keeps the territory's ESS establishments, named only when diffusible, with their codes and dates", async () => {
    const read = await readRegister({ units: stockFile(unitsFile()), establishments: stockFile(establishmentsFile()) }, { communes: COMMUNES });
    expect(read.establishmentsRead).toBe(ESTABLISHMENTS.length);
    expect(read.establishmentsInTerritory).toBe(ESTABLISHMENTS.length - 1);
    expect(read.unitsRead).toBe(UNITS.length);
    expect(read.latestProcessedOn).toBe("2026-10-02");
    expect(read.entries.map((e) => e.siret)).toEqual([
      "11111111100012",
      "11111111100020",
      "22222222200015",
      "22222222200023",
      "33333333300011",
      "66666666600010",
    ]);
    const [head, ceased, naf2025Only, both, hidden, olderNaf] = read.entries;
    expect(head).toMatchObject({
      siren: "111111111",
      name: 'Association "Le Lien", Niort',
      establishmentName: "LE LIEN",
      diffusible: true,
      communeCode: "79191",
      legalCategory: "9220",
      legalFamily: "ASSOCIATION",
      nafRev2: "88.99B",
      naf2025: null,
      nafSection: "Q",
      staffBand: "03",
      staffBandYear: 2024,
      createdOn: "2013-01-15",
      unitCreatedOn: "2012-05-01",
      active: true,
      ceasedOn: null,
      headOffice: true,
    });
    expect(ceased).toMatchObject({ communeCode: "79081", active: false, ceasedOn: "2021-06-30", headOffice: false, staffBand: "NN", staffBandYear: null });
    expect(naf2025Only).toMatchObject({ legalFamily: "COOPERATIVE", nafRev2: null, naf2025: "62.10Y", nafSection: null, staffBand: "11" });
    expect(both).toMatchObject({ nafRev2: "62.01Z", naf2025: "62.10Y", nafSection: "J" });
    expect(hidden).toMatchObject({ diffusible: false, name: null, establishmentName: null, legalFamily: "ASSOCIATION" });
    expect(olderNaf).toMatchObject({ name: "JEANNE MARTIN", nafRev2: null, naf2025: null });
  });

  it("reads the files zipped as INSEE publishes them, and with Windows line breaks", async () => {
    const plain = await readRegister({ units: stockFile(unitsFile()), establishments: stockFile(establishmentsFile()) }, { communes: COMMUNES });
    const units = await zipped("StockUniteLegale_utf8.zip", unitsFile());
    const establishments = await zipped("StockEtablissement_utf8.zip", write("crlf.csv", ESTABLISHMENT_HEADER, ESTABLISHMENTS, "\r\n"));
    const read = await readRegister({ units: stockFile(units), establishments: stockFile(establishments) }, { communes: COMMUNES });
    expect(read.entries).toEqual(plain.entries);
  });

  it("reads a last row without a line break, and reports progress", async () => {
    const file = establishmentsFile();
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/\n$/, ""));
    const seen: string[] = [];
    const read = await readRegister(
      { units: stockFile(unitsFile()), establishments: stockFile(file) },
      { communes: COMMUNES, onProgress: (phase, p) => seen.push(`${phase}:${p.rowsRead}:${p.rowsKept}`) },
    );
    expect(read.entries.at(-1)?.siret).toBe("66666666600010");
    expect(seen).toEqual([`establishments:${ESTABLISHMENTS.length}:${ESTABLISHMENTS.length - 1}`, `units:${UNITS.length}:${UNITS.length - 1}`]);
  });

  it("says which column is missing, and which row is malformed", async () => {
    const noFlag = write(
      "no-flag.csv",
      UNIT_HEADER.filter((c) => c !== "economieSocialeSolidaireUniteLegale"),
      UNITS,
    );
    await expect(readRegister({ units: stockFile(noFlag), establishments: stockFile(establishmentsFile()) }, { communes: COMMUNES })).rejects.toThrow(
      /no-flag\.csv : la colonne « economieSocialeSolidaireUniteLegale » manque/,
    );
    const badSiret = write("bad-siret.csv", ESTABLISHMENT_HEADER, [...ESTABLISHMENTS, establishment("7777777770001", {})]);
    await expect(readRegister({ units: stockFile(unitsFile()), establishments: stockFile(badSiret) }, { communes: COMMUNES })).rejects.toThrow(
      /bad-siret\.csv, ligne 10 : SIRET « 7777777770001 » invalide/,
    );
    const short = path.join(dir, "short.csv");
    fs.writeFileSync(short, `${ESTABLISHMENT_HEADER.join(",")}\n111111111,00012,11111111100012,O\n`);
    await expect(readRegister({ units: stockFile(unitsFile()), establishments: stockFile(short) }, { communes: COMMUNES })).rejects.toThrow(
      `short.csv, ligne 2 : 4 champs au lieu des ${ESTABLISHMENT_HEADER.length} de l'en-tête.`,
    );
    const open = path.join(dir, "open-quote.csv");
    fs.writeFileSync(open, `${ESTABLISHMENT_HEADER.join(",")}\n111111111,"00012,11111111100012\n`);
    await expect(readRegister({ units: stockFile(unitsFile()), establishments: stockFile(open) }, { communes: COMMUNES })).rejects.toBeInstanceOf(ScanError);
    expect(() => stockFile(path.join(dir, "absent.csv"))).toThrow(/absent\.csv : fichier introuvable/);
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readRegister({ units: stockFile(unitsFile()), establishments: stockFile(establishmentsFile()) }, { communes: COMMUNES, signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});
