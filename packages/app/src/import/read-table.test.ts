// Files too large to read whole: refused early, in French, while other work goes on, in bounded
// memory (the issue measured 25 s and +1.2 GB for such files read whole; bench:import times them).
import { describe, expect, it } from "vitest";
import { readTable, TableError } from "./read-table";
import { sheet, zip } from "./zip.fixture";

const SIRET = "73282932000074";
const TOO_MANY = "Le fichier compte plus de 50\u202f000 lignes ; 50\u202f000 au plus par import : découpez-le.";

/** What reading one file costs the process: turns of the event loop others got, memory, and the refusal. */
async function whileReading(name: string, bytes: Uint8Array) {
  let ticks = 0;
  const ticker = setInterval(() => ticks++, 5);
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const refusal = await readTable(name, bytes).then(
      () => null,
      (error: unknown) => (error instanceof TableError ? error.message : String(error)),
    );
    return { refusal, ticks, growth: peak - rssBefore };
  } finally {
    clearInterval(ticker);
    clearInterval(sampler);
  }
}

// Rows without their optional numbers, all alike: a million of them pack into a few hundred kB.
const header = `<row><c t="inlineStr"><is><t>siret</t></is></c><c t="inlineStr"><is><t>annee</t></is></c><c t="inlineStr"><is><t>emplois_crees</t></is></c><c t="inlineStr"><is><t>etp</t></is></c></row>`;
const workbook = (rows: number) =>
  zip({
    "xl/worksheets/sheet1.xml": sheet(header + `<row><c t="s"><v>0</v></c><c><v>2026</v></c><c><v>3</v></c><c><v>2.5</v></c></row>`.repeat(rows)),
    "xl/sharedStrings.xml": `<sst><si><t>${SIRET}</t></si></sst>`,
  });

describe("files too large to read whole", () => {
  it("refuses a 300 000-row workbook at row 50 001, in French, while others are served, in bounded memory", async () => {
    const { refusal, ticks, growth } = await whileReading("classeur.xlsx", workbook(300_000));
    expect(refusal).toBe(TOO_MANY);
    expect(ticks).toBeGreaterThan(0);
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses a crafted archive of 1 000 000 rows (a sheet of 70 MB in under 2 MB) for what it would inflate to", async () => {
    const bomb = workbook(1_000_000);
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const { refusal, growth } = await whileReading("bombe.xlsx", bomb);
    expect(refusal).toBe("Ce classeur se décompresse en un volume anormal (plus de 64 Mo pour une de ses parties) : il n'est pas importé.");
    expect(growth).toBeLessThan(150 * 1024 * 1024);
  });

  it("refuses a 300 000-row CSV the same way", async () => {
    const text = `siret;annee;emplois_crees;etp\n${`${SIRET};2026;3;2,5\n`.repeat(300_000)}`;
    const { refusal, ticks } = await whileReading("long.csv", new TextEncoder().encode(text));
    expect(refusal).toBe(TOO_MANY);
    expect(ticks).toBeGreaterThan(0);
  });
});
