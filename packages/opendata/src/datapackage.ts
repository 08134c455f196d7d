// Frictionless Data Package describing every CSV with its Table Schema.
import { DEMO_DATA_NOTICE } from "@oess/domain";
import { DATASETS, DERIVED_URLS_NOTICE, downloadUrl, LICENSE, PUBLISHER_NAME, type PublicUrls, SCDL_DATASET, SCDL_SCHEMA_URL } from "./catalog";
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

export function dataPackage(urls: PublicUrls, options: { isDemo: boolean; lastModified: Date }) {
  return {
    profile: "tabular-data-package",
    name: "observatoire-ess-niortais",
    title: "Observatoire de l'économie sociale et solidaire du Niortais",
    description:
      "Emplois créés, entreprises incubées et financements des partenaires du PTCE du Niortais, par année, commune et forme juridique." +
      (options.isDemo ? ` ${DEMO_DATA_NOTICE}` : "") +
      (urls.derived ? ` ${DERIVED_URLS_NOTICE}` : ""),
    homepage: urls.landingPage,
    version: options.lastModified.toISOString().slice(0, 10),
    created: options.lastModified.toISOString(),
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
      path: downloadUrl(urls, dataset, "csv"),
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
