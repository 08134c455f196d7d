// /opendata/v/{version}/…: the files of one released version, as they were released, whole
// (filters apply to the current files), and how to cite them; /opendata/versions.json lists them.
import type { SqlExecutor } from "@oess/db";
import { DATASETS, type Format, type PublicUrls, SCDL_DATASET } from "./catalog";
import { citationBibtex, citationCff, citationCslJson, citationText, citedUrl } from "./citation";
import { dataPackage } from "./datapackage";
import type { Dataset, ExportContext } from "./dataset";
import { toCsv } from "./formats/csv";
import { listReleases, type Release, releasedColumns, releasedRows } from "./releases";
import { datasetResource, HttpError, jsonResource, type Resource, type RowSource } from "./resource";

const text = (contentType: string, filename: string, body: string): Resource => ({ contentType, filename, body: () => body, small: true });

export function versionedRoute(url: URL, path: string, release: Release, ctx: ExportContext, urls: PublicUrls): Resource {
  const n = release.number;
  if (url.search !== "") {
    throw new HttpError(
      400,
      `Version ${n} is served whole: filters (${[...url.searchParams.keys()].join(", ")}) apply to the current files, /opendata/${path}.`,
    );
  }
  if (path === "datapackage.json") {
    return jsonResource(dataPackage(urls, { isDemo: release.isDemo, lastModified: release.releasedAt, release, frozen: true }), `datapackage-v${n}.json`);
  }
  if (path === "CITATION.cff") return text("application/yaml; charset=utf-8", "CITATION.cff", citationCff(urls, release));
  if (path === "citation.bib") return text("application/x-bibtex; charset=utf-8", `observatoire-ess-niortais-v${n}.bib`, citationBibtex(urls, release));
  if (path === "citation.json") {
    return jsonResource(citationCslJson(urls, release), `observatoire-ess-niortais-v${n}.json`, "application/vnd.citationstyles.csl+json; charset=utf-8");
  }
  if (path === "scdl/subventions.csv") return datasetResource(asReleased(SCDL_DATASET, release), "csv", released(SCDL_DATASET, release, ctx));
  const match = /^([a-z]+(?:-[a-z]+)*)\.(csv|excel\.csv|json|xlsx)$/.exec(path);
  const dataset = match ? DATASETS.find((d) => d.name === match[1]) : undefined;
  if (!match || !dataset) {
    const available = [
      "datapackage.json",
      "CITATION.cff",
      "citation.bib",
      "citation.json",
      "scdl/subventions.csv",
      ...DATASETS.map((d) => `${d.name}.{csv,excel.csv,json,xlsx}`),
    ];
    throw new HttpError(404, `No file at /opendata/v/${n}/${path}. Available in version ${n}: ${available.join(", ")}.`);
  }
  return datasetResource(asReleased(dataset, release), match[2] as Format, released(dataset, release, ctx));
}

/** The dataset with the columns it had in the release (a column since removed is read as text). */
function asReleased(dataset: Dataset, release: Release): Dataset {
  const columns = releasedColumns(release, dataset).map(
    (name) => dataset.columns.find((c) => c.name === name) ?? { name, type: "string" as const, title: name, description: "" },
  );
  return { ...dataset, columns };
}

function released(dataset: Dataset, release: Release, ctx: ExportContext): RowSource {
  const rows = () => releasedRows(ctx.sql, dataset, release, ctx.signal);
  const columns = asReleased(dataset, release).columns;
  return { rows, csv: () => toCsv(columns, rows()), isDemo: release.isDemo, lastModified: release.releasedAt, version: release.number };
}

/** Every version, newest first, with its changes and how to cite it. */
export async function versionList(sql: SqlExecutor, urls: PublicUrls) {
  const releases = await listReleases(sql, 10_000);
  return {
    latest: releases[0]?.number ?? null,
    versions: releases.map((release) => ({
      version: release.number,
      releasedAt: release.releasedAt.toISOString(),
      note: release.note,
      datapackage: citedUrl(urls, release),
      citation: citationText(urls, release),
      changes: release.changelog,
    })),
  };
}
