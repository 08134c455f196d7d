// Anonymous read responses are cached; the key carries the data's change counter (bumped by
// database triggers on every write), so any change, from any API instance, makes new keys.
import { createHash } from "node:crypto";
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { dataVersion, type PrismaClient } from "@oess/db";

/** A request that carries credentials may see drafts: it is never served from the cache. */
const isAnonymous = (request: Request) => !request.headers.has("cookie") && !request.headers.has("authorization");

/**
 * Without PUBLIC_API_URL (`keyByOrigin`), citations name the URL the request came by: it is part
 * of the key, so that one caller's Host header never reaches another caller's answer.
 */
export const useDataVersionResponseCache = (prisma: PrismaClient, { keyByOrigin }: { keyByOrigin: boolean }) =>
  useResponseCache({
    session: () => null,
    enabled: (request) => isAnonymous(request),
    ttl: 10 * 60_000,
    // A caller's allowance is its own and changes with every request.
    ttlPerSchemaCoordinate: { "Query.rateLimit": 0 },
    includeExtensionMetadata: false,
    async buildResponseCacheKey({ documentString, variableValues, operationName, request }) {
      // Yoga asks for a key even when the cache is off for the request: no query for one never used.
      if (!isAnonymous(request)) return "";
      const { version } = await dataVersion(prisma);
      const origin = keyByOrigin ? [new URL(request.url).origin, request.headers.get("x-forwarded-host"), request.headers.get("x-forwarded-proto")] : null;
      return createHash("sha256")
        .update(JSON.stringify([version, origin, documentString, variableValues ?? null, operationName ?? null]))
        .digest("hex");
    },
  });
