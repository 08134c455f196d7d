"use client";
import { type AnyVariables, type DocumentInput, useQuery } from "@urql/next";

/** Runs a page's query; with suspense, data is always there once rendered, or an error is thrown. */
export function useViewQuery<Data, Variables extends AnyVariables>(query: DocumentInput<Data, Variables>, variables: Variables): Data {
  const [result] = useQuery<Data, Variables>({ query, variables });
  if (result.error || !result.data) throw result.error ?? new Error("Réponse vide du service de données.");
  return result.data;
}
