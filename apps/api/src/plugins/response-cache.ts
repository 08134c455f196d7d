// Anonymous read responses are cached; the key carries the data's change counter (bumped by
// database triggers on every write), so any change, from any API instance, makes new keys.
import { createHash } from "node:crypto";
import { useResponseCache } from "@graphql-yoga/plugin-response-cache";
import { dataVersion, type PrismaClient } from "@oess/db";

/** A request that carries credentials may see drafts: it is never served from the cache. */
const isAnonymous = (request: Request) => !request.headers.has("cookie") && !request.headers.has("authorization");

export const useDataVersionResponseCache = (prisma: PrismaClient) =>
  useResponseCache({
    session: () => null,
    enabled: (request) => isAnonymous(request),
    ttl: 10 * 60_000,
    includeExtensionMetadata: false,
    async buildResponseCacheKey({ documentString, variableValues, operationName }) {
      const { version } = await dataVersion(prisma);
      return createHash("sha256")
        .update(JSON.stringify([version, documentString, variableValues ?? null, operationName ?? null]))
        .digest("hex");
    },
  });
