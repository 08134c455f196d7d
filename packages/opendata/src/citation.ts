// How to cite a released version: a ready sentence (APA-like, in French) and the files reference
// managers read (CITATION.cff, BibTeX, CSL-JSON). Every one points to the version's frozen files.
import { COLLECTION_TITLE, LICENSE, openDataBase, PUBLISHER_NAME, type PublicUrls } from "./catalog";
import type { Release } from "./releases";

export type CitedRelease = Pick<Release, "number" | "releasedAt">;

const day = (release: CitedRelease) => release.releasedAt.toISOString().slice(0, 10);
/** The address a citation gives: the version's Data Package, which lists its frozen files. */
export const citedUrl = (urls: PublicUrls, release: CitedRelease) => `${openDataBase(urls, release.number)}/datapackage.json`;

export function citationText(urls: PublicUrls, release: CitedRelease): string {
  return (
    `${PUBLISHER_NAME}. (${release.releasedAt.getUTCFullYear()}). ${COLLECTION_TITLE} (version ${release.number} du ${day(release)}) ` +
    `[jeu de données]. ${LICENSE.name}. ${citedUrl(urls, release)}`
  );
}

/** CITATION.cff 1.2.0; strings in YAML's double-quoted form (JSON's escaping is valid there). */
export function citationCff(urls: PublicUrls, release: CitedRelease): string {
  const q = (value: string) => JSON.stringify(value);
  return [
    "cff-version: 1.2.0",
    `message: ${q("Pour citer ces données, merci d'utiliser ces métadonnées.")}`,
    "type: dataset",
    `title: ${q(COLLECTION_TITLE)}`,
    `version: ${q(String(release.number))}`,
    `date-released: ${q(day(release))}`,
    "authors:",
    `  - name: ${q(PUBLISHER_NAME)}`,
    `license: ${q(LICENSE.spdx)}`,
    `url: ${q(urls.landingPage)}`,
    `repository-artifact: ${q(citedUrl(urls, release))}`,
    "",
  ].join("\n");
}

export function citationBibtex(urls: PublicUrls, release: CitedRelease): string {
  return [
    `@misc{observatoire_ess_niortais_v${release.number},`,
    // Double braces: BibTeX keeps a corporate author whole instead of parsing first and last names.
    `  author = {{${PUBLISHER_NAME}}},`,
    `  title = {{${COLLECTION_TITLE}}},`,
    `  year = {${release.releasedAt.getUTCFullYear()}},`,
    `  version = {${release.number}},`,
    `  date = {${day(release)}},`,
    `  url = {${citedUrl(urls, release)}},`,
    `  note = {Jeu de données, version ${release.number} du ${day(release)}. ${LICENSE.name}},`,
    "}",
    "",
  ].join("\n");
}

/** CSL-JSON, what Zotero and citeproc read. */
export function citationCslJson(urls: PublicUrls, release: CitedRelease) {
  const d = release.releasedAt;
  return [
    {
      id: `observatoire-ess-niortais-v${release.number}`,
      type: "dataset",
      title: COLLECTION_TITLE,
      author: [{ literal: PUBLISHER_NAME }],
      publisher: PUBLISHER_NAME,
      issued: { "date-parts": [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] },
      version: String(release.number),
      URL: citedUrl(urls, release),
      license: LICENSE.url,
      language: "fr",
    },
  ];
}
