"use client";
// The partner space talks to the API from the browser only: its requests carry the session
// cookie (first-party, through the dashboard's /graphql) and the CSRF header mutations need.
import { Client, type DocumentInput, fetchExchange, type OperationResult } from "@urql/core";

export const CSRF_HEADERS = { "x-graphql-yoga-csrf": "1" };

let client: Client | undefined;
const partnerClient = () => {
  client ??= new Client({
    url: "/graphql",
    exchanges: [fetchExchange],
    requestPolicy: "network-only",
    fetchOptions: { headers: CSRF_HEADERS, credentials: "same-origin" },
  });
  return client;
};

/** A field-level problem, as the API reports it. */
interface Problem {
  field: string;
  message: string;
}

export interface Outcome<T> {
  data: T | null;
  /** The first error's message, in French, for a banner. */
  error: string | null;
  code: string | null;
  /** Field problems of a refused input, by field name without the "input." prefix. */
  problems: Record<string, string>;
  currentVersion?: number;
}

function outcome<T>(result: OperationResult<T>): Outcome<T> {
  const first = result.error?.graphQLErrors[0];
  const problems: Record<string, string> = {};
  for (const p of (first?.extensions?.problems as Problem[] | undefined) ?? []) problems[p.field.replace(/^input\./, "")] ??= p.message;
  return {
    data: result.error ? null : (result.data ?? null),
    error: result.error ? (first?.message ?? "Le service de données ne répond pas. Réessayez dans un instant.") : null,
    code: (first?.extensions?.code as string | undefined) ?? null,
    problems,
    currentVersion: first?.extensions?.currentVersion as number | undefined,
  };
}

export async function query<T>(document: DocumentInput<T>, variables: Record<string, unknown> = {}): Promise<Outcome<T>> {
  return outcome(await partnerClient().query(document, variables).toPromise());
}

export async function mutate<T>(document: DocumentInput<T>, variables: Record<string, unknown> = {}): Promise<Outcome<T>> {
  return outcome(await partnerClient().mutation(document, variables).toPromise());
}
