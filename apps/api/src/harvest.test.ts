// The catalogue read as data.gouv.fr's DCAT harvester reads it: from the public host name the
// deployment configures, every dataset with its identifier, title and description, every
// distribution with a download URL on that host, a format and a licence, and the SCDL schema.
// Then every download URL is fetched: a catalogue that points to nothing is worse than none.
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { loadTerritory } from "@oess/domain";
import { DATASETS, SCDL_DATASET } from "@oess/opendata";
import { Parser, Store } from "n3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type App, createApp } from "./app";

const PUBLIC_API = "https://donnees.agglo-niort.example/api";
const LANDING = "https://observatoire.agglo-niort.example/donnees-ouvertes";
const SCDL_SCHEMA = "https://schema.data.gouv.fr/schemas/scdl/subventions/2.1.1/schema.json";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const DCAT = "http://www.w3.org/ns/dcat#";
const DCT = "http://purl.org/dc/terms/";

let db: TestDatabase;
let app: App;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
  app = createApp({ db, territory: loadTerritory(), urls: { api: PUBLIC_API, openDataPage: LANDING, contactEmail: "donnees@agglo-niort.example" } });
});
afterAll(() => db.dispose());

it("finds every dataset, every distribution and the SCDL schema, on the public host, and every file answers", async () => {
  const turtle = await (await app.fetch("http://127.0.0.1/opendata/catalog.ttl", { headers: { host: "127.0.0.1" } })).text();
  const graph = new Store(new Parser({ format: "Turtle" }).parse(turtle));
  const objects = (subject: string, predicate: string) => graph.getObjects(subject, predicate, null);
  const one = (subject: string, predicate: string) => {
    const values = objects(subject, predicate);
    expect(values.length, `${subject} ${predicate}`).toBeGreaterThanOrEqual(1);
    return values[0]?.value ?? "";
  };

  const datasets = graph.getSubjects(`${RDF}type`, `${DCAT}Dataset`, null).map((d) => d.value);
  const identifiers = datasets.map((d) => one(d, `${DCT}identifier`)).sort();
  expect(identifiers).toEqual([...DATASETS, SCDL_DATASET].map((d) => `observatoire-ess-niortais/${d.name}`).sort());

  const downloads: string[] = [];
  for (const dataset of datasets) {
    expect(one(dataset, `${DCT}title`)).not.toBe("");
    expect(one(dataset, `${DCT}description`)).not.toBe("");
    expect(one(dataset, `${DCAT}landingPage`)).toBe(LANDING);
    const distributions = objects(dataset, `${DCAT}distribution`).map((d) => d.value);
    expect(distributions.length, dataset).toBeGreaterThanOrEqual(1);
    for (const distribution of distributions) {
      const url = one(distribution, `${DCAT}downloadURL`);
      expect(url.startsWith(`${PUBLIC_API}/opendata/`), url).toBe(true);
      expect(one(distribution, `${DCT}format`)).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\//);
      expect(one(distribution, `${DCT}license`)).toBe("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");
      downloads.push(url);
    }
  }
  // The SCDL dataset and its file name the official schema, as data.gouv.fr's schema catalogue knows it.
  const scdl = datasets.find((d) => one(d, `${DCT}identifier`).endsWith("/scdl-subventions")) ?? "";
  expect(objects(scdl, `${DCT}conformsTo`).map((o) => o.value)).toEqual([SCDL_SCHEMA]);
  for (const distribution of objects(scdl, `${DCAT}distribution`))
    expect(objects(distribution.value, `${DCT}conformsTo`).map((o) => o.value)).toEqual([SCDL_SCHEMA]);

  expect(downloads).toHaveLength(DATASETS.length * 4 + 1);
  for (const url of downloads) {
    const response = await app.fetch(url.replace(PUBLIC_API, "http://127.0.0.1"));
    expect(response.status, url).toBe(200);
    await response.body?.cancel();
  }
});
