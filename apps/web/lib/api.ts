// The dashboard reads everything from the research API, over GraphQL with urql.
import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";

/** Where the server-side renderer reaches the API (not necessarily the browser's URL). */
export const API_URL = process.env.API_URL ?? `http://localhost:${process.env.API_PORT ?? 4000}/graphql`;

const makeClient = () =>
  createClient({
    url: API_URL,
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "network-only",
    fetchOptions: { cache: "no-store" },
  });

export const { getClient } = registerUrql(makeClient);
