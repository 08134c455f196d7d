// Frictionless Data Package describing every CSV with its Table Schema.
import { DEMO_DATA_NOTICE } from "@oess/domain";
import {
  COLLECTION_TITLE,
  DATASETS,
  DERIVED_URLS_NOTICE,
  downloadUrl,
  LICENSE,
  PUBLISHER_NAME,
  type PublicUrls,
  SCDL_DATASET,
  SCDL_SCHEMA_URL,
} from "./catalog";
import { type CitedRelease, citationText, citedUrl } from "./citation";
import type { Dataset } from "./dataset";

function tableSchema(dataset: Dataset) {
  return {
    fields: dataset.columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.type === "date" ? { format: "%Y-%m-%d" } : {}),
      title: c.title,
      description: c.description,
      ...(c.constraints && Object.keys(c.constraints).length > 0 ? { constraints: c.constraints } : {}),
    })),
    missingValues: [""],
    ...(dataset.primaryKey.length > 0 ? { primaryKey: dataset.primaryKey } : {}),
    ...(dataset.foreignKeys ? { foreignKeys: dataset.foreignKeys } : {}),
  };
}

export interface DataPackageOptions {
  isDemo: boolean;
  lastModified: Date;
  /** The latest release (for the current files), or the release these files are (frozen). */
  release: CitedRelease | null;
  /** The package describes one released version's files, which never change. */
  frozen: boolean;
}

/** What the version number means for these files: frozen, or current since the latest release. */
function versionNote(urls: PublicUrls, { release, frozen }: DataPackageOptions): string {
  if (!release) return " Aucune version n'a encore été figée : ces fichiers suivent les publications.";
  if (frozen) return ` Version ${release.number}, figée : ses fichiers ne changent plus. Pour la citer : ${citationText(urls, release)}`;
  return ` Ces fichiers suivent les publications ; la dernière version figée est la ${release.number} (${citedUrl(urls, release)}).`;
}

export function dataPackage(urls: PublicUrls, options: DataPackageOptions) {
  const { release, frozen } = options;
  const version = frozen ? release?.number : undefined;
  return {
    profile: "tabular-data-package",
    name: "observatoire-ess-niortais",
    title: COLLECTION_TITLE,
    description:
      "Emplois créés, entreprises incubées et financements des partenaires du PTCE du Niortais, par année, commune et forme juridique." +
      versionNote(urls, options) +
      (options.isDemo ? ` ${DEMO_DATA_NOTICE}` : "") +
      (urls.derived ? ` ${DERIVED_URLS_NOTICE}` : ""),
    homepage: urls.landingPage,
    // The release number: what a citation gives, and what /opendata/v/{version}/ serves unchanged.
    ...(release ? { version: String(release.number) } : {}),
    created: (frozen && release ? release.releasedAt : options.lastModified).toISOString(),
    licenses: [{ name: LICENSE.spdx, path: LICENSE.url, title: LICENSE.name }],
    sources: [
      { title: "Saisies des partenaires du PTCE, revues et publiées par la coordination", path: urls.landingPage },
      { title: "Communes : INSEE, via @etalab/decoupage-administratif", path: "https://github.com/etalab/decoupage-administratif" },
    ],
    contributors: [{ title: PUBLISHER_NAME, email: urls.contactEmail, role: "publisher" }],
    keywords: ["ESS", "économie sociale et solidaire", "PTCE", "Niort", "emploi", "subventions"],
    resources: [...DATASETS, SCDL_DATASET].map((dataset) => ({
      name: dataset.name,
      title: dataset.title,
      description: dataset.description,
      path: downloadUrl(urls, dataset, "csv", version),
      profile: "tabular-data-resource",
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: { delimiter: ",", quoteChar: '"', header: true },
      // The SCDL file's schema is the official one, by its canonical URL: validators and data.gouv.fr fetch it.
      schema: dataset === SCDL_DATASET ? SCDL_SCHEMA_URL : tableSchema(dataset),
    })),
  };
}
