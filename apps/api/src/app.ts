// The HTTP application: Yoga with its plugins, composed in one place.

import type { IncomingMessage } from "node:http";
import { parseTrustedProxies } from "@oess/auth";
import type { Database } from "@oess/db";
import type { Territory } from "@oess/domain";
import { schema } from "@oess/graphql";
import { createYoga } from "graphql-yoga";
import { DEFAULT_DOWNLOAD_STALL_MS, DEFAULT_READS_PER_MINUTE, PLACEHOLDER_CONTACT_EMAIL, type SecuritySettings } from "./config";
import { useExecutionCancellation } from "./plugins/cancellation";
import { useMutationCsrf } from "./plugins/csrf";
import { maskErrors, useErrorCodes } from "./plugins/errors";
import { useHealthz } from "./plugins/healthz";
import { useHttpPolicy } from "./plugins/http-policy";
import { useInputGuard } from "./plugins/input-guard";
import { useLimits } from "./plugins/limits";
import { useOpenData } from "./plugins/opendata";
import { ReadRateLimiter, useReadRateLimit } from "./plugins/rate-limit";
import { useRegisterUpload } from "./plugins/register-upload";
import { useDataVersionResponseCache } from "./plugins/response-cache";
import { sessionContext, useSessionCookies } from "./plugins/session";
import { publicUrl } from "./public-url";

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
  /** The datasets' contact point (a placeholder until a deployment sets OPEN_DATA_CONTACT_EMAIL). */
  contactEmail?: string;
}

/** Defaults for in-process use (tests): the dashboard on localhost:3000, proxies on loopback. */
const DEFAULT_SECURITY: SecuritySettings = {
  trustedProxies: parseTrustedProxies("loopback"),
  corsOrigins: ["http://localhost:3000"],
  readsPerMinute: DEFAULT_READS_PER_MINUTE,
};

export function createApp({
  db,
  territory,
  urls,
  security = DEFAULT_SECURITY,
  downloadStallMs = DEFAULT_DOWNLOAD_STALL_MS,
}: {
  db: Database;
  territory: Territory;
  urls: AppUrls;
  security?: SecuritySettings;
  /** How long a download may wait for a client that takes nothing before it is cut, in ms (0: for ever). */
  downloadStallMs?: number;
}) {
  const readLimit = useReadRateLimit(security.readsPerMinute > 0 ? new ReadRateLimiter(security.readsPerMinute, 60_000) : null, security.trustedProxies);
  return createYoga({
    schema,
    context: async ({ request, req }: { request: Request; req?: IncomingMessage }) => {
      const session = await sessionContext(db.prisma, request, req?.socket.remoteAddress, security.trustedProxies);
      return {
        prisma: db.prisma,
        sql: db.sql,
        territory,
        signal: request.signal,
        ...session,
        rateLimit: session.viewer ? null : readLimit.checkGraphql(request, req?.socket.remoteAddress),
        openDataUrls: {
          api: urls.api ?? publicUrl(request, req?.socket.remoteAddress, security.trustedProxies).origin,
          landingPage: urls.openDataPage,
          contactEmail: urls.contactEmail ?? PLACEHOLDER_CONTACT_EMAIL,
          derived: urls.api === undefined,
        },
      };
    },
    graphqlEndpoint: "/graphql",
    landingPage: false,
    // GraphiQL from the package's own bundle: yoga's default loads it from a CDN (blank offline).
    graphiql: { title: "Observatoire ESS — GraphQL", defaultQuery: EXAMPLE_QUERY },
    // Loaded on the first visit: its bundle is 29 MB of the heap, which every other request would carry.
    renderGraphiQL: async (options) => (await import("@graphql-yoga/render-graphiql")).renderGraphiQL(options),
    // CORS is the HTTP policy's: yoga's default hands credentials to any origin.
    cors: false,
    maskedErrors: { maskError: maskErrors },
    plugins: [
      // A client gone stops its query: the fields not yet resolved are not asked of the database.
      useExecutionCancellation(),
      readLimit.plugin,
      useInputGuard(),
      useErrorCodes(),
      useHealthz(db),
      useRegisterUpload(db, territory, security.trustedProxies),
      useMutationCsrf(),
      useSessionCookies(),
      useOpenData(
        {
          sql: db.sql,
          prisma: db.prisma,
          epciSiren: territory.epciSiren,
          territoryName: territory.name,
          landingPage: urls.openDataPage,
          apiUrl: urls.api,
          contactEmail: urls.contactEmail ?? PLACEHOLDER_CONTACT_EMAIL,
        },
        security.trustedProxies,
        downloadStallMs,
      ),
      ...useLimits(),
      useDataVersionResponseCache(db.prisma, { keyByOrigin: urls.api === undefined }),
      useHttpPolicy({ corsOrigins: security.corsOrigins, hsts: urls.api?.startsWith("https:") ?? false }),
    ],
    logging: process.env.NODE_ENV === "test" ? false : "info",
  });
}

export type App = ReturnType<typeof createApp>;
