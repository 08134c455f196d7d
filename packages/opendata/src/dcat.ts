// DCAT-AP catalogue, as self-contained JSON-LD (inline @context: nothing is fetched to read it)
// and as Turtle, both from one graph. This is what data.gouv.fr's DCAT harvester reads.
import {
  COLLECTION_TITLE,
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

// DCAT-AP 3.0 wants the values of formats, frequencies, languages, themes and availability from
// the EU's controlled vocabularies, each value typed and placed in its scheme (skos:inScheme), and
// media types as IANA IRIs: the catalogue describes the terms it uses, so it reads on its own.
const EU = "http://publications.europa.eu/resource/authority";
const term = (scheme: string, code: string, type: string, label: string) => ({
  "@id": `${EU}/${scheme}/${code}`,
  "@type": type,
  "skos:inScheme": `${EU}/${scheme}`,
  "skos:prefLabel": { "@value": label, "@language": "fr" },
});
const FILE_TYPES: Record<Format, string> = { csv: "CSV", "excel.csv": "CSV", json: "JSON", xlsx: "XLSX" };
const fileType = (format: Format) => term("file-type", FILE_TYPES[format], "dct:MediaTypeOrExtent", FILE_TYPES[format]);
const mediaTypeOf = (format: Format) => ({ "@id": `https://www.iana.org/assignments/media-types/${FORMATS[format].mediaType}`, "@type": "dct:MediaType" });
const FRENCH = term("language", "FRA", "dct:LinguisticSystem", "français");
const CONTINUOUSLY_UPDATED = term("frequency", "UPDATE_CONT", "dct:Frequency", "mise à jour continue");
const STABLE = term("planned-availability", "STABLE", "skos:Concept", "stable");
const FRANCE = term("country", "FRA", "dct:Location", "France");
// INSEE's code-based URI of a commune (the COG's own identifier), as in INSEE's linked data.
const inseeCommune = (code: string) => `http://id.insee.fr/geo/commune/${code}`;
/** The SCDL's legal basis; its JORF identifier is the one the official schema cites. */
const SCDL_DECREE = {
  "@id": "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000034600552",
  "@type": "eli:LegalResource",
  "dct:title": {
    "@value": "Décret n° 2017-779 du 5 mai 2017 relatif à l'accès sous forme électronique aux données essentielles des conventions de subvention",
    "@language": "fr",
  },
};
/** EU data themes: the communes are regions and cities; the rest, the economy. */
const themeOf = (dataset: Dataset) =>
  dataset.name === "communes"
    ? term("data-theme", "REGI", "skos:Concept", "Régions et villes")
    : term("data-theme", "ECON", "skos:Concept", "Économie et finances");
// ADMS types: a local authority publishes; the licence asks for attribution.
const adms = (scheme: "publishertype" | "licencetype", code: string, label: string) => ({
  "@id": `http://purl.org/adms/${scheme}/${code}`,
  "@type": "skos:Concept",
  "skos:inScheme": `http://purl.org/adms/${scheme}/1.0`,
  "skos:prefLabel": { "@value": label, "@language": "en" },
});
const LICENSE_DOCUMENT = { "@id": LICENSE.url, "@type": "dct:LicenseDocument", "dct:type": adms("licencetype", "Attribution", "Attribution") };
const page = (url: string) => ({ "@id": url, "@type": "foaf:Document" });

const CONTEXT = {
  dcat: "http://www.w3.org/ns/dcat#",
  dct: "http://purl.org/dc/terms/",
  dcatap: "http://data.europa.eu/r5r/",
  eli: "http://data.europa.eu/eli/ontology#",
  foaf: "http://xmlns.com/foaf/0.1/",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  skos: "http://www.w3.org/2004/02/skos/core#",
  vcard: "http://www.w3.org/2006/vcard/ns#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  "skos:inScheme": { "@type": "@id" },
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
  "dct:hasPart": { "@type": "@id" },
  "vcard:hasEmail": { "@type": "@id" },
  "foaf:homepage": { "@type": "@id" },
} as const;

/** What a dataset's own published records say of it: their years, and the first publication. */
interface DatasetFacts {
  issued: Date | null;
  firstYear: number | null;
  lastYear: number | null;
  /** Where the data come from, when not from the partners (the Sirene extract and its date). */
  provenance?: string;
}

/** The territory the data cover: the EPCI, by its SIREN, and its communes, by INSEE code. */
export interface CatalogTerritory {
  epciSiren: string;
  name: string;
  communes: ReadonlyArray<{ code: string; name: string }>;
}

export interface CatalogFacts {
  /** When the catalogue was first issued (the earliest record). */
  issued: Date;
  modified: Date;
  territory: CatalogTerritory;
  /** By dataset name; reference tables (communes, partners) have neither years nor publication. */
  datasets: Readonly<Record<string, DatasetFacts>>;
}

const territoryId = (urls: PublicUrls) => `${urls.api}/opendata/catalog.jsonld#territoire`;

/**
 * The EPCI as a place of its own, named by its SIREN, made of its communes (INSEE URIs): INSEE's
 * current URIs for intercommunalités are opaque ids that cannot be derived from the SIREN.
 */
function territoryNode(urls: PublicUrls, territory: CatalogTerritory) {
  return {
    "@id": territoryId(urls),
    "@type": "dct:Location",
    "dct:identifier": territory.epciSiren,
    "skos:prefLabel": { "@value": territory.name, "@language": "fr" },
    "dct:hasPart": territory.communes.map((commune) => ({
      "@id": inseeCommune(commune.code),
      "@type": "dct:Location",
      "dct:identifier": commune.code,
      "skos:prefLabel": { "@value": commune.name, "@language": "fr" },
    })),
  };
}

function datasetNode(urls: PublicUrls, dataset: Dataset, facts: CatalogFacts) {
  const formats: Format[] = dataset === SCDL_DATASET ? ["csv"] : ["csv", "excel.csv", "json", "xlsx"];
  const id = `${urls.api}/opendata/catalog.jsonld#${dataset.name}`;
  const own = facts.datasets[dataset.name];
  return {
    "@id": id,
    "@type": "dcat:Dataset",
    "dct:identifier": `observatoire-ess-niortais/${dataset.name}`,
    "dct:title": { "@value": dataset.title, "@language": "fr" },
    "dct:description": { "@value": dataset.description, "@language": "fr" },
    "dcat:keyword": dataset.keywords.map((k) => ({ "@value": k, "@language": "fr" })),
    ...(own?.issued ? { "dct:issued": own.issued.toISOString() } : {}),
    "dct:modified": facts.modified.toISOString(),
    ...(own?.firstYear != null && own.lastYear != null
      ? { "dct:temporal": { "@type": "dct:PeriodOfTime", "dcat:startDate": `${own.firstYear}-01-01`, "dcat:endDate": `${own.lastYear}-12-31` } }
      : {}),
    "dct:accrualPeriodicity": CONTINUOUSLY_UPDATED,
    "dct:publisher": { "@id": `${urls.api}/opendata/catalog.jsonld#publisher` },
    "dcat:contactPoint": { "@type": ["vcard:Kind", "vcard:Organization"], "vcard:fn": PUBLISHER_NAME, "vcard:hasEmail": `mailto:${urls.contactEmail}` },
    "dcat:landingPage": page(urls.landingPage),
    "dcat:theme": themeOf(dataset),
    "dct:spatial": [FRANCE, { "@id": territoryId(urls) }],
    "dct:license": LICENSE_DOCUMENT,
    ...(dataset === SCDL_DATASET ? { "dct:conformsTo": SCDL_STANDARD, "dcatap:applicableLegislation": SCDL_DECREE } : {}),
    ...(own?.provenance ? { "dct:provenance": { "@type": "dct:ProvenanceStatement", "rdfs:label": { "@value": own.provenance, "@language": "fr" } } } : {}),
    "dcat:distribution": formats.map((format) => ({
      "@id": `${id}-${format.replace(".", "-")}`,
      "@type": "dcat:Distribution",
      "dct:title": `${dataset.title} (${FORMATS[format].title})`,
      "dct:description": { "@value": `${dataset.title}, au format ${FORMATS[format].title}.`, "@language": "fr" },
      "dcat:downloadURL": downloadUrl(urls, dataset, format),
      "dcat:accessURL": downloadUrl(urls, dataset, format),
      "dcat:mediaType": mediaTypeOf(format),
      "dct:format": fileType(format),
      "dcatap:availability": STABLE,
      "dct:license": LICENSE_DOCUMENT,
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
    "dct:title": { "@value": COLLECTION_TITLE, "@language": "fr" },
    "dct:description": {
      "@value": `Données ouvertes du PTCE du Niortais : emplois créés, entreprises incubées, financements des partenaires, subventions au format SCDL.${urls.derived ? ` ${DERIVED_URLS_NOTICE}` : ""}`,
      "@language": "fr",
    },
    "dct:issued": facts.issued.toISOString(),
    "dct:modified": facts.modified.toISOString(),
    "dct:language": FRENCH,
    "dct:license": LICENSE_DOCUMENT,
    "dct:rights": { "@type": "dct:RightsStatement", "rdfs:label": { "@value": `${LICENSE.name} (SPDX ${LICENSE.spdx})`, "@language": "fr" } },
    "foaf:homepage": page(urls.landingPage),
    "dct:spatial": [FRANCE, territoryNode(urls, facts.territory)],
    "dcat:themeTaxonomy": { "@id": `${EU}/data-theme`, "@type": "skos:ConceptScheme", "dct:title": { "@value": "Data theme", "@language": "en" } },
    "dct:publisher": {
      "@id": `${urls.api}/opendata/catalog.jsonld#publisher`,
      "@type": ["foaf:Agent", "foaf:Organization"],
      "dct:type": adms("publishertype", "LocalAuthority", "Local Authority"),
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
  const writer = new Writer({
    prefixes: {
      dcat: CONTEXT.dcat,
      dct: CONTEXT.dct,
      dcatap: CONTEXT.dcatap,
      eli: CONTEXT.eli,
      foaf: CONTEXT.foaf,
      skos: CONTEXT.skos,
      vcard: CONTEXT.vcard,
      xsd: CONTEXT.xsd,
    },
  });
  // A fixed blank-node prefix: the same catalogue gives the same bytes (its length is announced).
  writer.addQuads(new Parser({ format: "N-Quads", blankNodePrefix: "" }).parse(nquads));
  return new Promise((resolve, reject) => writer.end((error, result) => (error ? reject(error) : resolve(result))));
}
