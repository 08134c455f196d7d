// What the filters can choose from, read once per request on the server.
import { cache } from "react";
import { getClient } from "./api";
import type { FilterOptions } from "./filters";
import { graphql } from "./graphql";

const OPTIONS = graphql(`
  query FilterOptions {
    dataset {
      territoryName
      notice
      statisticalSecrecy {
        minContributors
        dominancePercent
      }
    }
    headlineFigures {
      firstYear
      lastYear
    }
    communes(first: 100, orderBy: [{ name: Asc }]) {
      edges {
        node {
          code
          name
          population
        }
      }
    }
    partners(first: 100, orderBy: [{ name: Asc }]) {
      edges {
        node {
          databaseId
          slug
          shortName
          name
        }
      }
    }
  }
`);

export interface DashboardContext {
  options: FilterOptions;
  territoryName: string;
  notice: string | null;
  /** Thresholds of statistical confidentiality in force. */
  secrecy: { minContributors: number; dominancePercent: number };
}

/** Null when the API cannot be reached: pages then say so instead of failing. */
export const loadDashboardContext = cache(async (): Promise<DashboardContext | null> => {
  const result = await getClient().query(OPTIONS, {}).toPromise();
  if (!result.data) return null;
  const { dataset, headlineFigures, communes, partners } = result.data;
  const lastYear = headlineFigures.lastYear ?? new Date().getFullYear();
  return {
    territoryName: dataset.territoryName,
    notice: dataset.notice,
    secrecy: dataset.statisticalSecrecy,
    options: {
      firstYear: headlineFigures.firstYear ?? lastYear,
      lastYear,
      communes: communes.edges.map((e) => e.node),
      partners: partners.edges.map((e) => e.node),
    },
  };
});

/** Who publishes the dashboard, as the footer and the legal pages name it: the EPCI, from the API. */
export const loadPublisherName = async (): Promise<string> => (await loadDashboardContext())?.territoryName ?? "l'agglomération";
