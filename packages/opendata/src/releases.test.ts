import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { DATASETS, SCDL_DATASET } from "./catalog";
import type { Dataset } from "./dataset";
import { createRelease, findRelease, releasedRows } from "./releases";
import { testOpenData } from "./test-handler";

const territory = loadTerritory();
let db: TestDatabase;
let api: ReturnType<typeof testOpenData>;
const release = (note?: string) => createRelease(db.sql, { epciSiren: territory.epciSiren, isDemo: true, note });

let statements: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase({ seed: true, onQuery: (sql) => statements.push(sql) });
  api = testOpenData(db, { apiUrl: "https://api.test" });
});
afterAll(() => db.dispose());

const get = (path: string, headers: Record<string, string> = {}) => api.get(path, headers);
const text = async (path: string) => {
  const response = await get(path);
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  return response.text();
};
const bodyLines = (csv: string) => csv.trimEnd().split(/\r?\n/).slice(1).sort();
const count = async (sql: string) => ((await db.sql.query<{ n: number }>(sql))[0] as { n: number }).n;
const oneId = async (sql: string) => ((await db.sql.query<{ id: string }>(sql))[0] as { id: string }).id;

// In this order: each test builds on the versions the previous one made.
describe("dataset versions", () => {
  const files = ["fundings.csv", "fundings.json", "fundings.excel.csv", "enterprises.csv", "indicators.csv", "scdl/subventions.csv"];
  const first: Record<string, string> = {};

  it("takes a first version of every published dataset, and no other while nothing published changes", async () => {
    const current: Record<string, string> = {};
    for (const file of files) current[file] = await text(file);
    const v1 = await release("Première version");
    expect(v1?.number).toBe(1);
    const rows = Object.fromEntries(v1?.changelog.map((c) => [c.dataset, c.rows]) ?? []);
    expect(Object.keys(rows).sort()).toEqual([...DATASETS, SCDL_DATASET].map((d) => d.name).sort());
    expect(rows.fundings).toBe(await count("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED'"));
    expect(rows.enterprises).toBe(await count("SELECT count(*)::int AS n FROM enterprise WHERE status = 'PUBLISHED'"));
    // Jobs are released as the protected table (cells and margins), never as one enterprise's records.
    expect(rows.jobs).toBe(
      await count(`SELECT count(*)::int AS n FROM (SELECT 1 FROM job_record j JOIN enterprise e ON e.id = j.enterprise_id WHERE j.status = 'PUBLISHED'
                     GROUP BY GROUPING SETS ((j.year, e.commune_code, e.legal_family), (j.year, e.commune_code), (j.year, e.legal_family), (j.year))) AS cells`),
    );
    expect(v1?.changelog.every((c) => c.added === c.rows && c.corrected === 0 && c.withdrawn === 0)).toBe(true);
    // The version holds the rows the current files held when it was taken (its order is its own: by key).
    for (const file of files) {
      first[file] = await text(`v/1/${file}`);
      if (file.endsWith(".json")) {
        const records = (s: string) => (JSON.parse(s) as { records: unknown[] }).records.map((r) => JSON.stringify(r)).sort();
        expect(records(first[file] ?? ""), file).toEqual(records(current[file] ?? ""));
      } else {
        expect(bodyLines(first[file] ?? ""), file).toEqual(bodyLines(current[file] ?? ""));
      }
    }

    expect(await release()).toBeNull();
    // A draft changes the data, not what is published: still no new version.
    await db.sql.query("UPDATE funding SET purpose = purpose || ' (brouillon)' WHERE id = (SELECT id FROM funding WHERE status = 'DRAFT' LIMIT 1)");
    expect(await release()).toBeNull();
  });

  it("does not read every dataset again to find, on the same data, that nothing published changed", async () => {
    // The check the previous test ended with found nothing new: on the same data, the next one
    // stages nothing. A draft written since is a change to look at, and is looked at.
    statements = [];
    const staged = () => statements.filter((s) => s.includes("INSERT INTO release_stage")).length;
    expect(await release()).toBeNull();
    expect(staged()).toBe(0);
    await db.sql.query("UPDATE funding SET purpose = purpose || ' (relu)' WHERE id = (SELECT id FROM funding WHERE status = 'DRAFT' LIMIT 1)");
    expect(await release()).toBeNull();
    expect(staged()).toBeGreaterThan(0);
    statements = [];
    expect(await release()).toBeNull();
    expect(staged()).toBe(0);
  });

  it("counts what the next version adds, corrects and withdraws, and keeps the first as it was", async () => {
    const corrected = await oneId("SELECT id::text AS id FROM funding WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1");
    const withdrawn = await oneId("SELECT id::text AS id FROM funding WHERE status = 'PUBLISHED' ORDER BY id DESC LIMIT 1");
    const added = await oneId(
      "SELECT f.id::text AS id FROM funding f JOIN enterprise e ON e.id = f.beneficiary_enterprise_id WHERE f.status = 'SUBMITTED' AND e.status = 'PUBLISHED' LIMIT 1",
    );
    await db.sql.query("UPDATE funding SET amount = amount + 100 WHERE id = $1", [corrected]);
    await db.sql.query("UPDATE funding SET status = 'REJECTED', published_at = NULL WHERE id = $1", [withdrawn]);
    await db.sql.query("UPDATE funding SET status = 'PUBLISHED', published_at = now() WHERE id = $1", [added]);

    const v2 = await release();
    expect(v2?.number).toBe(2);
    expect(v2?.changelog.find((c) => c.dataset === "fundings")).toEqual({
      dataset: "fundings",
      added: 1,
      corrected: 1,
      withdrawn: 1,
      rows: await count("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED'"),
    });
    expect(v2?.changelog.find((c) => c.dataset === "communes")).toMatchObject({ added: 0, corrected: 0, withdrawn: 0 });

    const v2csv = await text("v/2/fundings.csv");
    expect(v2csv).toContain(added);
    expect(v2csv).not.toContain(withdrawn);
    for (const file of files) expect(await text(`v/1/${file}`), file).toBe(first[file]);
    expect(await text("fundings.csv")).not.toBe(await text("v/1/fundings.csv"));
  });

  it("serves each version whole and the same to every reader while publications and releases go on", async () => {
    const publishing = (async () => {
      for (let i = 0; i < 2; i++) {
        await db.sql.query("UPDATE funding SET amount = amount + 1 WHERE id IN (SELECT id FROM funding WHERE status = 'PUBLISHED' ORDER BY random() LIMIT 5)");
        await release(`pendant la lecture ${i}`);
      }
    })();
    const reads = await Promise.all(Array.from({ length: 6 }, () => text("v/1/fundings.csv")));
    await publishing;
    for (const read of reads) expect(read).toBe(first["fundings.csv"]);
    // Two releases asked at once: one takes the change, the other finds nothing new.
    await db.sql.query("UPDATE funding SET amount = amount + 1 WHERE id = (SELECT id FROM funding WHERE status = 'PUBLISHED' LIMIT 1)");
    const pair = await Promise.all([release(), release()]);
    expect(pair.map((r) => r?.number ?? null).sort()).toEqual([5, null]);
    const list = (await (await get("versions.json")).json()) as { latest: number; versions: Array<{ version: number; changes: unknown[] }> };
    expect(list.latest).toBe(5);
    expect(list.versions.map((v) => v.version)).toEqual([5, 4, 3, 2, 1]);
  });

  it("reads a version with the columns it was released with, whatever columns the code has since", async () => {
    const v1 = await findRelease(db.sql, 1);
    if (!v1) throw new Error("version 1 exists");
    const fundings = DATASETS.find((d) => d.name === "fundings");
    if (!fundings) throw new Error("fundings is a dataset");
    expect(v1.columns.fundings).toEqual(fundings.columns.map((c) => c.name));
    // As if a later version of the product had dropped a column and added another.
    const later: Dataset = {
      ...fundings,
      columns: [...fundings.columns.filter((c) => c.name !== "purpose"), { name: "added_later", type: "string", title: "Ajoutée", description: "" }],
    };
    const rows: Array<Record<string, unknown>> = [];
    for await (const batch of releasedRows(db.sql, later, v1)) rows.push(...batch);
    expect(Object.keys(rows[0] ?? {})).toEqual(v1.columns.fundings);
    expect(rows.map((r) => r.id).sort()).toEqual(
      bodyLines(first["fundings.csv"] ?? "")
        .map((line) => line.split(",")[0])
        .sort(),
    );
  });

  it("never lets a released version change", async () => {
    await expect(db.sql.query("UPDATE release_row SET data = '{}'::jsonb WHERE valid_from = 1 AND dataset = 'communes'")).rejects.toThrow(
      /released version of the data cannot be changed/,
    );
    await expect(db.sql.query("DELETE FROM release WHERE number = 1")).rejects.toThrow(/cannot be changed/);
    await expect(db.sql.query("UPDATE release SET note = 'autre' WHERE number = 1")).rejects.toThrow(/cannot be changed/);
  });

  it("describes a version in its own Data Package, and the current files by the latest version", async () => {
    const frozen = (await (await get("v/2/datapackage.json")).json()) as { version: string; created: string; resources: Array<{ path: string }> };
    expect(frozen.version).toBe("2");
    for (const resource of frozen.resources) {
      expect(resource.path).toMatch(/^https:\/\/api\.test\/opendata\/v\/2\//);
      expect((await get(resource.path.replace("https://api.test/opendata/", ""))).status, resource.path).toBe(200);
    }
    const current = (await (await get("datapackage.json")).json()) as { version: string; resources: Array<{ path: string }> };
    expect(current.version).toBe("5");
    expect(current.resources[0]?.path).toMatch(/^https:\/\/api\.test\/opendata\/[a-z]+\.csv$/);
  });

  it("gives a citation of a version in CFF, BibTeX and CSL-JSON, each pointing to its frozen files", async () => {
    const url = "https://api.test/opendata/v/2/datapackage.json";
    const cff = parseYaml(await text("v/2/CITATION.cff")) as Record<string, unknown>;
    expect(cff).toMatchObject({ "cff-version": "1.2.0", type: "dataset", version: "2", license: "etalab-2.0", "repository-artifact": url });
    expect(String(cff["date-released"])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bib = await text("v/2/citation.bib");
    expect(bib).toMatch(/^@misc\{observatoire_ess_niortais_v2,/);
    expect(bib).toContain(`url = {${url}}`);
    const [csl] = (await (await get("v/2/citation.json")).json()) as Array<Record<string, unknown>>;
    expect(csl).toMatchObject({ type: "dataset", version: "2", URL: url });
    const versions = (await (await get("versions.json")).json()) as { versions: Array<{ version: number; citation: string }> };
    expect(versions.versions.find((v) => v.version === 2)?.citation).toContain(url);
  });

  it("answers a version's files with caches that keep them for good, and says what is not there", async () => {
    const response = await get("v/1/fundings.csv");
    await response.body?.cancel();
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="fundings-v1.csv"');
    const etag = response.headers.get("etag") ?? "";
    expect((await get("v/1/fundings.csv", { "if-none-match": etag })).status).toBe(304);

    const missing = await get("v/99/fundings.csv");
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toMatch(/versions go from 1 to 5/);
    expect((await get("v/abc/fundings.csv")).status).toBe(404);
    const filtered = await get("v/1/fundings.csv?year=2020");
    expect(filtered.status).toBe(400);
    expect(((await filtered.json()) as { error: string }).error).toMatch(/served whole/);
    expect((await get("v/1/nothing.csv")).status).toBe(404);
  });

  it("keeps each version's rows once per change: versions cost what changed", async () => {
    const stored = await count("SELECT count(*)::int AS n FROM release_row");
    const perVersion = await db.sql.query<{ rows: number }>(
      "SELECT sum((c->>'rows')::int)::int AS rows FROM release, jsonb_array_elements(changelog) AS c GROUP BY number",
    );
    const copies = perVersion.reduce((sum, v) => sum + v.rows, 0);
    // Five versions of almost the same data: far fewer stored rows than five copies.
    expect(stored).toBeLessThan(copies / 4);
    expect(parse(await text("v/5/fundings.csv"), { columns: true })).toHaveLength(
      await count("SELECT count(*)::int AS n FROM funding WHERE status = 'PUBLISHED'"),
    );
  });
});
