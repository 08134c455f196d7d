// The map as drawn on the server, from figures given by hand: what a reader sees and can click.
import { renderToStaticMarkup } from "react-dom/server";
import { expect, it } from "vitest";
import type { Polygons } from "../lib/map";
import { CommuneMapCard, type MapCommune } from "./commune-map-card";

const square = (lon: number): Polygons => [
  [
    [
      [lon, 46.3],
      [lon + 0.05, 46.3],
      [lon + 0.05, 46.35],
      [lon, 46.3],
    ],
  ],
];
const commune = (code: string, name: string, polygons: Polygons | null, jobsCreated: number | null, fundingAmount: number): MapCommune => ({
  code,
  name,
  population: 2000,
  polygons,
  figures: { jobsCreated, enterprisesCreated: 1, fundingAmount, essEstablishments: 2 },
});
const COMMUNES = [
  commune("79191", "Niort", square(-0.5), 12, 50_000),
  commune("79003", "Aiffres", square(-0.4), null, 0),
  commune("79999", "Nouvelle-Commune", null, 3, 20_000),
];
const NO_FILTERS = { from: null, to: null, commune: null, family: null, partner: null };
const plain = (html: string) => html.replace(/[\u202f\u00a0]/g, " ").replaceAll("&#x27;", "'");

it("draws the communes it has a contour for, names each with its value, and lists under the map those it cannot draw", () => {
  const html = plain(renderToStaticMarkup(<CommuneMapCard communes={COMMUNES} filters={NO_FILTERS} path="/territoire" asked="emplois" />));
  expect(html.match(/<path /g)).toHaveLength(2);
  expect(html).toContain('aria-label="Niort : 12 emplois créés"');
  expect(html).toContain('aria-label="Aiffres : secret (secret statistique)"');
  expect(html).toContain("Commune sans contour, absente de la carte : Nouvelle-Commune (voir le tableau).");
  // Its figure is still in the table beside the map.
  expect(html).toMatch(/<th scope="row">Nouvelle-Commune<\/th><td class="num">3<\/td>/);
  expect(html).toContain('href="/territoire?commune=79191&amp;carte=emplois#carte"');
  expect(html).toContain("Contours : IGN – Admin Express COG 2018, Licence Ouverte.");
});

it("opens on funding, the only measure a partner filter leaves, and a click on the selected commune lifts the filter", () => {
  const html = plain(
    renderToStaticMarkup(
      <CommuneMapCard communes={COMMUNES} filters={{ ...NO_FILTERS, commune: "79191", partner: "can" }} path="/territoire" asked="emplois" />,
    ),
  );
  expect(html).toContain("Carte des communes : financements pour 1 000 habitants");
  expect(html).not.toContain("Emplois créés");
  expect(html).toContain('aria-label="Niort : 25 000 € de financements pour 1 000 habitants" aria-current="true"');
  expect(html).toContain('href="/territoire?partenaire=can&amp;carte=financements-hab#carte" aria-label="Niort');
  expect(html).toContain("aucun");
});

it("says when nothing is published rather than drawing an empty scale", () => {
  const empty = COMMUNES.map((c) => ({ ...c, figures: { jobsCreated: 0, enterprisesCreated: 0, fundingAmount: 0, essEstablishments: 0 } }));
  const html = plain(renderToStaticMarkup(<CommuneMapCard communes={empty} filters={NO_FILTERS} path="/" asked={null} compact />));
  expect(html).toContain("Aucune donnée publiée pour ces filtres : toutes les communes sont à zéro.");
  expect(html).not.toContain("de 0");
  expect(html).toContain('href="/territoire?commune=79191#carte"');
});

it("does not call zero a map whose every commune is secret", () => {
  const secret = COMMUNES.map((c) => ({ ...c, figures: { ...c.figures, jobsCreated: null } }));
  const html = plain(renderToStaticMarkup(<CommuneMapCard communes={secret} filters={NO_FILTERS} path="/territoire" asked="emplois" />));
  expect(html).toContain("Aucune commune n'a de chiffre publiable pour ces filtres.");
  expect(html).not.toContain("toutes les communes sont à zéro");
  expect(html).toContain("secret statistique");
});
