// The HTTP application: Yoga with its plugins, composed in one place.
import type { Database } from "@oess/db";
import type { Territory } from "@oess/domain";
import { schema } from "@oess/graphql";
import { createYoga } from "graphql-yoga";
import type { IncomingMessage } from "node:http";
import { useMutationCsrf } from "./plugins/csrf";
import { useHealthz } from "./plugins/healthz";
import { limitPlugins } from "./plugins/limits";
import { useOpenData } from "./plugins/opendata";
import { responseCachePlugin } from "./plugins/response-cache";
import { sessionContext, useSessionCookies } from "./plugins/session";

const EXAMPLE_QUERY = /* GraphQL */ `# Observatoire ESS — API de recherche / research API
# Chiffres clés de 2020 à 2025 / headline figures, 2020 to 2025
{
  dataset { territoryName isDemo notice }
  headlineFigures(fromYear: 2020, toYear: 2025) {
    jobsCreated
    fullTimeEquivalents
    enterprisesIncubated
    fundingAmount
    fundingCount
  }
}
`;

export interface AppUrls {
  /** Public base URL of the API, if it differs from what requests arrive on (behind a proxy). */
  api?: string;
  /** The dashboard's open-data page: the catalogue's landing page. */
  openDataPage: string;
}

export function createApp({ db, territory, urls }: { db: Database; territory: Territory; urls: AppUrls }) {
  return createYoga({
    schema,
    context: async ({ request, req }: { request: Request; req?: IncomingMessage }) => ({
      prisma: db.prisma,
      territory,
      ...(await sessionContext(db.prisma, request, req?.socket.remoteAddress)),
    }),
    graphqlEndpoint: "/graphql",
    landingPage: false,
    graphiql: { title: "Observatoire ESS — GraphQL", defaultQuery: EXAMPLE_QUERY },
    plugins: [
      useHealthz(db),
      useMutationCsrf(),
      useSessionCookies(),
      useOpenData({ sql: db.sql, prisma: db.prisma, epciSiren: territory.epciSiren, landingPage: urls.openDataPage, apiUrl: urls.api }),
      ...limitPlugins(),
      responseCachePlugin(db.prisma),
    ],
    logging: process.env.NODE_ENV === "test" ? false : "info",
  });
}

export type App = ReturnType<typeof createApp>;
