// DCAT-AP catalogue, as self-contained JSON-LD (inline @context: nothing is fetched to read it)
// and as Turtle, both from one graph. This is what data.gouv.fr's DCAT harvester reads.
import {
  DATASETS,
  DERIVED_URLS_NOTICE,
  downloadUrl,
  FORMATS,
  type Format,
  LICENSE,
  PUBLISHER_NAME,
  type PublicUrls,
  SCDL_DATASET,
  SCDL_SCHEMA_URL,
} from "./catalog";
import type { Dataset } from "./dataset";

const SCDL_STANDARD = { "@id": SCDL_SCHEMA_URL, "@type": "dct:Standard" };

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  foaf: "http://xmlns.com/foaf/0.1/",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  "dct:issued": { "@type": "xsd:dateTime" },
  "dct:modified": { "@type": "xsd:dateTime" },
  "dcat:startDate": { "@type": "xsd:date" },
  "dcat:endDate": { "@type": "xsd:date" },
  "dcat:landingPage": { "@type": "@id" },
  "dcat:downloadURL": { "@type": "@id" },
  "dcat:accessURL": { "@type": "@id" },
  "dct:license": { "@type": "@id" },
  "dct:accrualPeriodicity": { "@type": "@id" },
  "dct:conformsTo": { "@type": "@id" },
  "vcard:hasEmail": { "@type": "@id" },
  "foaf:homepage": { "@type": "@id" },
} as const;

export interface CatalogFacts {
  /** When the catalogue was first issued (the earliest record). */
  issued: Date;
  modified: Date;
  firstYear: number;
  lastYear: number;
}

function datasetNode(urls: PublicUrls, dataset: Dataset, facts: CatalogFacts) {
  const formats: Format[] = dataset === SCDL_DATASET ? ["csv"] : ["csv", "excel.csv", "json", "xlsx"];
  const id = `${urls.api}/opendata/catalog.jsonld#${dataset.name}`;
  return {
    "@id": id,
    "@type": "dcat:Dataset",
    "dct:identifier": `observatoire-ess-niortais/${dataset.name}`,
    "dct:title": { "@value": dataset.title, "@language": "fr" },
    "dct:description": { "@value": dataset.description, "@language": "fr" },
    "dcat:keyword": dataset.keywords.map((k) => ({ "@value": k, "@language": "fr" })),
    "dct:issued": facts.issued.toISOString(),
    "dct:modified": facts.modified.toISOString(),
    "dct:temporal": { "@type": "dct:PeriodOfTime", "dcat:startDate": `${facts.firstYear}-01-01`, "dcat:endDate": `${facts.lastYear}-12-31` },
    "dct:accrualPeriodicity": "http://purl.org/cld/freq/continuous",
    "dct:publisher": { "@id": `${urls.api}/opendata/catalog.jsonld#publisher` },
    "dcat:contactPoint": { "@type": "vcard:Organization", "vcard:fn": PUBLISHER_NAME, "vcard:hasEmail": `mailto:${urls.contactEmail}` },
    "dcat:landingPage": urls.landingPage,
    "dct:license": LICENSE.url,
    ...(dataset === SCDL_DATASET ? { "dct:conformsTo": SCDL_STANDARD } : {}),
    "dcat:distribution": formats.map((format) => ({
      "@id": `${id}-${format.replace(".", "-")}`,
      "@type": "dcat:Distribution",
      "dct:title": `${dataset.title} (${FORMATS[format].title})`,
      "dcat:downloadURL": downloadUrl(urls, dataset, format),
      "dcat:accessURL": downloadUrl(urls, dataset, format),
      "dcat:mediaType": FORMATS[format].mediaType,
      "dct:format": FORMATS[format].label,
      "dct:license": LICENSE.url,
      "dct:modified": facts.modified.toISOString(),
      // data.gouv.fr attaches the schema (and its validation badge) from the resource's conformsTo.
      ...(dataset === SCDL_DATASET ? { "dct:conformsTo": SCDL_STANDARD } : {}),
    })),
  };
}

export function catalogJsonLd(urls: PublicUrls, facts: CatalogFacts) {
  return {
    "@context": CONTEXT,
    "@id": `${urls.api}/opendata/catalog.jsonld`,
    "@type": "dcat:Catalog",
    "dct:title": { "@value": "Observatoire de l'économie sociale et solidaire du Niortais", "@language": "fr" },
    "dct:description": {
      "@value": `Données ouvertes du PTCE du Niortais : emplois créés, entreprises incubées, financements des partenaires, subventions au format SCDL.${urls.derived ? ` ${DERIVED_URLS_NOTICE}` : ""}`,
      "@language": "fr",
    },
    "dct:issued": facts.issued.toISOString(),
    "dct:modified": facts.modified.toISOString(),
    "dct:language": { "@id": "http://publications.europa.eu/resource/authority/language/FRA" },
    "dct:license": LICENSE.url,
    "dct:rights": `${LICENSE.name} (SPDX ${LICENSE.spdx})`,
    "foaf:homepage": urls.landingPage,
    "dct:publisher": {
      "@id": `${urls.api}/opendata/catalog.jsonld#publisher`,
      "@type": "foaf:Organization",
      "foaf:name": PUBLISHER_NAME,
      "foaf:mbox": `mailto:${urls.contactEmail}`,
    },
    "dcat:dataset": [...DATASETS, SCDL_DATASET].map((d) => datasetNode(urls, d, facts)),
  };
}

/** Refuses any remote document: the catalogue must read without the network. */
export const offlineLoader = async (url: string): Promise<never> => {
  throw new Error(`the catalogue must be self-contained, but ${url} was requested`);
};

export async function catalogTurtle(urls: PublicUrls, facts: CatalogFacts): Promise<string> {
  // Loaded on first use: RDF tooling is only needed for the Turtle catalogue.
  const [{ default: jsonld }, { Parser, Writer }] = await Promise.all([import("jsonld"), import("n3")]);
  const nquads = await jsonld.toRDF(catalogJsonLd(urls, facts) as Parameters<typeof jsonld.toRDF>[0], {
    format: "application/n-quads",
    documentLoader: offlineLoader,
  });
  // With a format, jsonld answers text (its types cover both cases).
  if (typeof nquads !== "string") throw new Error("jsonld.toRDF did not return N-Quads text");
  const writer = new Writer({ prefixes: { dcat: CONTEXT.dcat, dct: CONTEXT.dct, foaf: CONTEXT.foaf, vcard: CONTEXT.vcard, xsd: CONTEXT.xsd } });
  writer.addQuads(new Parser({ format: "N-Quads" }).parse(nquads));
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
