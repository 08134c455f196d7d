import { isValidRna, isValidSiret, loadTerritory, nafSection } from "@oess/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing";
import { generateEnterprises } from "./generate";
import { DEMO_PARTNERS, FIRST_YEAR, LAST_YEAR, SeedError, seedDemoData } from "./index";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.dispose());

const count = async (sql: string): Promise<number> => ((await db.sql.query<{ n: number }>(sql))[0] as { n: number }).n;

describe("demo dataset", () => {
  it("has the volumes of a PTCE of a territory of ~123 000 inhabitants", async () => {
    expect(await count("SELECT count(*)::int AS n FROM partner")).toBe(DEMO_PARTNERS.length);
    expect(await count("SELECT count(*)::int AS n FROM enterprise")).toBe(150);
    const fundings = await count("SELECT count(*)::int AS n FROM funding");
    expect(fundings).toBeGreaterThan(1200);
    expect(fundings).toBeLessThan(1800);
    expect(await count(`SELECT count(*)::int AS n FROM incubation`)).toBeGreaterThan(80);
    expect(await count(`SELECT count(DISTINCT year)::int AS n FROM job_record`)).toBe(LAST_YEAR - FIRST_YEAR + 1);
  });

  it("places every enterprise in a commune of the territory, the most populated getting the most", async () => {
    const territory = loadTerritory();
    const rows = await db.sql.query<{ commune_code: string; n: number }>(
      "SELECT commune_code, count(*)::int AS n FROM enterprise GROUP BY commune_code ORDER BY n DESC",
    );
    const codes = new Set(territory.communes.map((c) => c.code));
    for (const r of rows) expect(codes.has(r.commune_code)).toBe(true);
    expect(rows[0]?.commune_code).toBe("79191"); // Niort: half of the population
    const niortShare = (rows[0]?.n ?? 0) / 150;
    expect(niortShare).toBeGreaterThan(0.35);
    expect(niortShare).toBeLessThan(0.65);
  });

  it("gives every partner and enterprise valid identifiers, and every enterprise an existing NAF code", async () => {
    const partners = await db.sql.query<{ siret: string }>("SELECT siret FROM partner");
    const enterprises = await db.sql.query<{ siret: string | null; rna: string | null; naf_code: string; naf_section: string; founded_on: string | null }>(
      "SELECT siret, rna, naf_code, naf_section, founded_on::text FROM enterprise",
    );
    for (const p of partners) expect(isValidSiret(p.siret), p.siret).toBe(true);
    for (const e of enterprises) {
      if (e.siret !== null) expect(isValidSiret(e.siret), e.siret).toBe(true);
      if (e.rna !== null) expect(isValidRna(e.rna), e.rna).toBe(true);
      if (e.founded_on !== null) expect(e.siret ?? e.rna).not.toBeNull();
      expect(nafSection(e.naf_code)).toBe(e.naf_section);
    }
  });

  it("never publishes a record whose enterprise is not published", async () => {
    for (const table of ["incubation", "job_record"]) {
      expect(
        await count(
          `SELECT count(*)::int AS n FROM ${table} t JOIN enterprise e ON e.id = t.enterprise_id WHERE t.status = 'PUBLISHED' AND e.status <> 'PUBLISHED'`,
        ),
      ).toBe(0);
    }
    expect(
      await count(
        "SELECT count(*)::int AS n FROM funding f JOIN enterprise e ON e.id = f.beneficiary_enterprise_id WHERE f.status = 'PUBLISHED' AND e.status <> 'PUBLISHED'",
      ),
    ).toBe(0);
  });

  it("gives money only to created enterprises, on or after their creation", async () => {
    expect(
      await count(
        `SELECT count(*)::int AS n FROM funding f JOIN enterprise e ON e.id = f.beneficiary_enterprise_id
         WHERE f.instrument <> 'SERVICE' AND (e.founded_on IS NULL OR f.decision_date < e.founded_on)`,
      ),
    ).toBe(0);
  });

  it("has amounts whose sums agree however they are grouped", async () => {
    const [total] = await db.sql.query<{ s: string }>("SELECT sum(amount)::text AS s FROM funding");
    const byPartner = await db.sql.query<{ s: string }>("SELECT sum(amount)::text AS s FROM funding GROUP BY funder_id");
    const byYear = await db.sql.query<{ s: string }>("SELECT sum(amount)::text AS s FROM funding GROUP BY year");
    const cents = (rows: { s: string }[]) => rows.reduce((acc, r) => acc + Math.round(Number(r.s) * 100), 0);
    expect(cents(byPartner)).toBe(Math.round(Number(total?.s) * 100));
    expect(cents(byYear)).toBe(Math.round(Number(total?.s) * 100));
    expect(await count("SELECT count(*)::int AS n FROM funding WHERE amount <= 0 OR amount > 100000")).toBe(0);
  });

  it("labels every record and the dataset as demo data", async () => {
    for (const table of ["enterprise", "incubation", "job_record", "funding"]) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE source NOT LIKE 'Données de démonstration%'`)).toBe(0);
    }
    const [setting] = await db.sql.query<{ demo: boolean }>("SELECT (value->>'demo')::boolean AS demo FROM app_setting WHERE key = 'dataset'");
    expect(setting?.demo).toBe(true);
  });

  it("refuses to seed a database that already holds data, and changes nothing", async () => {
    const before = await count("SELECT count(*)::int AS n FROM funding");
    await expect(seedDemoData(db.sql, { territory: loadTerritory() })).rejects.toThrow(SeedError);
    expect(await count("SELECT count(*)::int AS n FROM funding")).toBe(before);
  });
});

describe("bulk load", () => {
  // What the seed sets aside during its load and rebuilds after it, as the catalogue describes it.
  const schemaOf = (database: TestDatabase) =>
    database.sql.query(
      `SELECT 'key' AS kind, t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname IN ('enterprise', 'incubation', 'job_record', 'funding')
       UNION ALL
       SELECT 'index', t.relname, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
         FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid WHERE t.relname IN ('enterprise', 'incubation', 'job_record', 'funding')
       UNION ALL
       SELECT 'trigger', t.relname, g.tgname, g.tgenabled::text
         FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid WHERE NOT g.tgisinternal AND t.relname IN ('enterprise', 'incubation', 'job_record', 'funding')
       ORDER BY 1, 2, 3`,
    );

  it("leaves every key, index and trigger of the record tables as the migrations made them, and says which stage it is in", async () => {
    const fresh = await createTestDatabase();
    try {
      const expected = await schemaOf(fresh);
      expect(expected.length).toBeGreaterThan(40);
      // Each stage is announced as it begins: the keys once every enterprise is written.
      const seen: string[] = [];
      await seedDemoData(fresh.sql, {
        territory: loadTerritory(),
        onStage: (stage) => seen.push(stage),
        onProgress: (done) => seen.push(`${done} enterprises`),
      });
      expect(seen).toEqual(["records", "150 enterprises", "keys", "register", "statistics"]);
      expect(await schemaOf(fresh)).toEqual(expected);
    } finally {
      await fresh.dispose();
    }
  });
});

describe("demo data generator", () => {
  const ctx = { partnerIds: Object.fromEntries(DEMO_PARTNERS.map((p, i) => [p.slug, `p${i}`])), communes: loadTerritory().communes };

  it("is deterministic: the same seed gives the same rows, another seed other rows", () => {
    const a = JSON.stringify([...generateEnterprises(ctx, { scale: 0.2, seed: 1 })]);
    const b = JSON.stringify([...generateEnterprises(ctx, { scale: 0.2, seed: 1 })]);
    const c = JSON.stringify([...generateEnterprises(ctx, { scale: 0.2, seed: 2 })]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it("multiplies the volume with the scale and keeps SIRETs unique", () => {
    const bundles = [...generateEnterprises(ctx, { scale: 20, seed: 1 })];
    expect(bundles).toHaveLength(3000);
    const sirets = bundles.flatMap((b) => (b.enterprise.siret ? [b.enterprise.siret] : []));
    expect(new Set(sirets).size).toBe(sirets.length);
  });
});
