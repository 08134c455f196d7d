// The dashboard reads everything from the research API, over GraphQL with urql.
import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";
import { env } from "./env";

/** Where the server-side renderer reaches the API (not necessarily the browser's URL). */
export const API_URL = env.apiUrl;
const API_ORIGIN = API_URL.replace(/\/graphql$/, "");

/** The API as people's browsers reach it, for download links. */
export const publicApiUrl = (): string => env.publicApiUrl;

/**
 * Reads a JSON document of the open-data API (server side). The API is asked as the public reaches
 * it (a trusted proxy's X-Forwarded-*): the URLs it writes (citations, files) are the ones shown.
 */
export async function fetchOpenData<T>(path: string): Promise<T | null> {
  const publicApi = new URL(env.publicApiUrl);
  const response = await fetch(`${API_ORIGIN}/opendata/${path}`, {
    cache: "no-store",
    headers: { "x-forwarded-host": publicApi.host, "x-forwarded-proto": publicApi.protocol.replace(":", "") },
  }).catch(() => null);
  return response?.ok ? ((await response.json()) as T) : null;
}

const makeClient = () =>
  createClient({
    url: API_URL,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "network-only",
    fetchOptions: { cache: "no-store" },
  });

export const { getClient } = registerUrql(makeClient);
