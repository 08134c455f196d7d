// The choropleth of the territory's communes as plain SVG, drawn on the server (see commune-map.tsx):
// it is in the HTML, prints, and works without JavaScript. Each commune is a link that applies the
// commune filter; the indicator is chosen by links too (?carte=…), so every map is a permalink.
import { formatDecimal, formatEuros, formatInteger } from "@oess/domain/format";
import type { Column } from "../lib/csv";
import { type Filters, filtersToSearch } from "../lib/filters";
import { classify, classOf, type Polygons, projectContours, ZERO_COLOUR } from "../lib/map";
import { plural } from "../lib/plural";
import { SECRET_LABEL, SECRET_NOTE } from "../lib/secret";
import { DataTable } from "./chart-card";

/** The URL parameter that picks the map's indicator. */
export const MAP_PARAM = "carte";

interface Figures {
  jobsCreated: number | null;
  enterprisesCreated: number;
  fundingAmount: number;
  /** Open ESS establishments in SIRENE (the register), whoever supports them. */
  essEstablishments: number;
}

interface Measure {
  label: string;
  /** Said after a commune's value, e.g. « 12 emplois créés ». */
  unit: (value: number) => string;
  value: (figures: Figures) => number | null;
  perThousand: boolean;
  format: (n: number) => string;
  /** Jobs and creations have no partner: a partner filter leaves only funding. */
  partnerless: boolean;
  /** Where the figures come from, when not from the partners' records. */
  source?: string;
}

const words = (one: string, many: string) => (n: number) => plural(n, one, many);
/** « Établissements de l'ESS » → « établissements de l'ESS »: acronyms keep their capitals. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

const MEASURES = {
  "emplois-hab": {
    label: "Emplois créés pour 1 000 habitants",
    unit: () => "emplois créés pour 1 000 habitants",
    value: (f) => f.jobsCreated,
    perThousand: true,
    format: formatDecimal,
    partnerless: true,
  },
  emplois: {
    label: "Emplois créés",
    unit: words("emploi créé", "emplois créés"),
    value: (f) => f.jobsCreated,
    perThousand: false,
    format: formatInteger,
    partnerless: true,
  },
  "entreprises-hab": {
    label: "Entreprises créées pour 1 000 habitants",
    unit: () => "entreprises créées pour 1 000 habitants",
    value: (f) => f.enterprisesCreated,
    perThousand: true,
    format: formatDecimal,
    partnerless: true,
  },
  entreprises: {
    label: "Entreprises créées",
    unit: words("entreprise créée", "entreprises créées"),
    value: (f) => f.enterprisesCreated,
    perThousand: false,
    format: formatInteger,
    partnerless: true,
  },
  "financements-hab": {
    label: "Financements pour 1 000 habitants",
    unit: () => "de financements pour 1 000 habitants",
    value: (f) => f.fundingAmount,
    perThousand: true,
    format: formatEuros,
    partnerless: false,
  },
  financements: {
    label: "Financements",
    unit: () => "de financements",
    value: (f) => f.fundingAmount,
    perThousand: false,
    format: formatEuros,
    partnerless: false,
  },
  "ess-hab": {
    label: "Établissements de l'ESS pour 1 000 habitants (Sirene)",
    unit: () => "établissements de l'ESS en activité pour 1 000 habitants",
    value: (f) => f.essEstablishments,
    perThousand: true,
    format: formatDecimal,
    partnerless: true,
    source: "Établissements : répertoire Sirene (Insee), unités légales de l'ESS.",
  },
  ess: {
    label: "Établissements de l'ESS (Sirene)",
    unit: words("établissement de l'ESS en activité", "établissements de l'ESS en activité"),
    value: (f) => f.essEstablishments,
    perThousand: false,
    format: formatInteger,
    partnerless: true,
    source: "Établissements : répertoire Sirene (Insee), unités légales de l'ESS.",
  },
} satisfies Record<string, Measure>;
type MeasureKey = keyof typeof MEASURES;

interface CommuneValue {
  code: string;
  name: string;
  /** Null: hidden by statistical confidentiality. */
  value: number | null;
  hasContour: boolean;
}

const COLUMNS = (measure: Measure): Column<CommuneValue>[] => [
  { label: "Commune", raw: (r) => r.name, shown: (r) => r.name },
  {
    label: measure.label,
    raw: (r) => r.value ?? "s",
    shown: (r) => (r.value === null ? SECRET_LABEL : measure.format(r.value)),
    numeric: true,
  },
];

/** Which map a page shows, and where its links lead. */
export interface MapView {
  filters: Filters;
  /** The page the map is on: its links keep the visitor there, or lead to /territoire. */
  path: string;
  /** The ?carte= value asked for, if any. */
  asked: string | null;
  /** The home's small map: no indicator choice, no table, links to the Territoire page. */
  compact?: boolean;
}

export interface MapCommune {
  code: string;
  name: string;
  population: number;
  /** Null when no contour is shipped for it. */
  polygons: Polygons | null;
  figures: Figures;
}

/** The map card itself, from the communes and their figures: no request, so a test can draw it. */
export function CommuneMapCard({ communes, filters, path, asked, compact = false }: MapView & { communes: readonly MapCommune[] }) {
  const available = (Object.keys(MEASURES) as MeasureKey[]).filter((k) => !(filters.partner && MEASURES[k].partnerless));
  // Funding is public by law and never secret: the map opens on it, the others are a click away.
  const key = available.find((k) => k === asked) ?? "financements-hab";
  const measure: Measure = MEASURES[key];
  const values: CommuneValue[] = communes.map((c) => {
    const raw = measure.value(c.figures);
    const value = raw === null ? null : measure.perThousand ? (c.population > 0 ? (1000 * raw) / c.population : 0) : raw;
    return { code: c.code, name: c.name, value, hasContour: c.polygons !== null };
  });
  values.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.name.localeCompare(b.name, "fr"));
  const map = projectContours(new Map(communes.flatMap((c) => (c.polygons ? [[c.code, c.polygons] as const] : []))), compact ? 320 : 560);
  const classes = classify(values.flatMap((v) => (v.value === null ? [] : [v.value])));
  const missing = values.filter((v) => !v.hasContour);
  const secret = values.filter((v) => v.value === null);
  const top = values[0]?.value ? values[0] : undefined;
  const shown = (v: CommuneValue) => (v.value === null ? `${SECRET_LABEL} (secret statistique)` : `${measure.format(v.value)} ${measure.unit(v.value)}`);
  const link = (changes: Partial<Filters>, carte: string | null) => {
    const search = filtersToSearch({ ...filters, ...changes });
    if (carte && !compact) search.set(MAP_PARAM, carte);
    const query = search.toString();
    // Back on the full map, where the visitor clicked.
    return `${compact ? "/territoire" : path}${query ? `?${query}` : ""}#carte`;
  };
  const id = compact ? "carte-apercu" : "carte";

  return (
    <section className={compact ? "chart-card map-card map-card--compact" : "chart-card wide map-card"} aria-labelledby={`${id}-titre`} id={id}>
      <h2 id={`${id}-titre`}>Carte des communes : {lowerFirst(measure.label)}</h2>
      <p className="chart-summary" id={`${id}-resume`}>
        {top
          ? `${top.name} arrive en tête avec ${shown(top)}. Les couleurs vont du plus clair (le moins) au plus foncé (le plus) ; cliquez sur une commune pour filtrer le tableau de bord.`
          : secret.length > 0
            ? "Aucune commune n'a de chiffre publiable pour ces filtres."
            : "Aucune donnée publiée pour ces filtres : toutes les communes sont à zéro."}
        {secret.length > 0 ? ` ${SECRET_NOTE}` : ""}
      </p>
      {compact ? null : (
        <nav aria-label="Indicateur de la carte" className="map-measures">
          <ul>
            {available.map((k) => (
              <li key={k}>
                <a href={link({}, k)} aria-current={k === key ? "true" : undefined}>
                  {MEASURES[k].label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="map-layout">
        <figure className="map-figure">
          {map.paths.size > 0 ? (
            <svg viewBox={`0 0 ${map.width} ${map.height}`} className="commune-map">
              <title>{`Carte des communes : ${lowerFirst(measure.label)}`}</title>
              <defs>
                <pattern id={`${id}-secret`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                  <rect width="6" height="6" fill="#e5e7eb" />
                  <line x1="0" y1="0" x2="0" y2="6" stroke="#4b5563" strokeWidth="2" />
                </pattern>
              </defs>
              {values.flatMap((v) => {
                const d = map.paths.get(v.code);
                if (!d) return [];
                const selected = filters.commune === v.code;
                const fill = v.value === null ? `url(#${id}-secret)` : (classOf(v.value, classes)?.colour ?? ZERO_COLOUR);
                return [
                  <a
                    key={v.code}
                    href={link({ commune: selected ? null : v.code }, key)}
                    aria-label={`${v.name} : ${shown(v)}`}
                    aria-current={selected ? "true" : undefined}
                  >
                    <title>{`${v.name} : ${shown(v)}`}</title>
                    <path d={d} fill={fill} className={selected ? "commune-map__commune commune-map__commune--selected" : "commune-map__commune"} />
                  </a>,
                ];
              })}
            </svg>
          ) : null}
          <figcaption>
            <ul className="map-legend" aria-label={`Légende : ${lowerFirst(measure.label)}`}>
              {classes.map((c) => (
                <li key={c.colour}>
                  <svg width="18" height="14" aria-hidden="true">
                    <rect width="18" height="14" fill={c.colour} stroke="#4b5563" />
                  </svg>
                  {c.min === c.max ? measure.format(c.min) : `de ${measure.format(c.min)} à ${measure.format(c.max)}`}
                </li>
              ))}
              <li>
                <svg width="18" height="14" aria-hidden="true">
                  <rect width="18" height="14" fill={ZERO_COLOUR} stroke="#4b5563" />
                </svg>
                aucun
              </li>
              {secret.length > 0 ? (
                <li>
                  <svg width="18" height="14" aria-hidden="true">
                    <rect width="18" height="14" fill={`url(#${id}-secret)`} stroke="#4b5563" />
                  </svg>
                  secret statistique
                </li>
              ) : null}
            </ul>
            {missing.length > 0 ? (
              <p className="map-missing">
                {missing.length === 1 ? "Commune sans contour, absente de la carte" : "Communes sans contour, absentes de la carte"} :{" "}
                {missing.map((m) => m.name).join(", ")} (voir le tableau).
              </p>
            ) : null}
            <p className="map-source">Contours : IGN – Admin Express COG 2018, Licence Ouverte.{measure.source ? ` ${measure.source}` : ""}</p>
          </figcaption>
        </figure>
        {compact ? null : <DataTable caption={`${measure.label}, par commune`} columns={COLUMNS(measure)} rows={values} />}
      </div>
    </section>
  );
}
