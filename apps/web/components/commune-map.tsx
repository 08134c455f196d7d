// The choropleth of the territory's communes: its figures for the current filters, read from the
// API on the server, and drawn by CommuneMapCard.
import { getClient } from "../lib/api";
import { type FilterOptions, filtersToWhere } from "../lib/filters";
import { graphql } from "../lib/graphql";
import { contourPolygons } from "../lib/map";
import { CommuneMapCard, type MapView } from "./commune-map-card";

const QUERY = graphql(`
  query CommuneMap($where: IndicatorWhere, $register: RegisterWhere) {
    communes(first: 100) {
      edges {
        node {
          code
          name
          population
          contour
        }
      }
    }
    indicators(groupBy: [COMMUNE], where: $where) {
      communeCode
      jobsCreated
      enterprisesCreated
      fundingAmount
    }
    registerAggregates(groupBy: [COMMUNE], where: $register) {
      communeCode
      establishments
    }
  }
`);

export async function CommuneMap({ filters, options, path, asked, compact = false }: MapView & { options: FilterOptions }) {
  // Every commune is drawn: the commune filter picks one out, it does not empty the others.
  const where = filtersToWhere({ ...filters, commune: null }, options);
  const register = { active: true, legalFamilies: where.legalFamilies ?? null };
  const result = await getClient().query(QUERY, { where, register }).toPromise();
  if (!result.data) return null;
  const figures = new Map(result.data.indicators.map((r) => [r.communeCode, r]));
  const ess = new Map(result.data.registerAggregates.map((r) => [r.communeCode, r.establishments]));
  const communes = result.data.communes.edges.map(({ node: c }) => {
    const f = figures.get(c.code);
    return {
      ...c,
      polygons: contourPolygons(c.contour),
      figures: {
        jobsCreated: f ? f.jobsCreated : 0,
        enterprisesCreated: f?.enterprisesCreated ?? 0,
        fundingAmount: Number(f?.fundingAmount ?? 0),
        essEstablishments: ess.get(c.code) ?? 0,
      },
    };
  });
  return <CommuneMapCard communes={communes} filters={filters} path={path} asked={asked} compact={compact} />;
}
