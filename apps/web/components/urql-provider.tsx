"use client";
// urql for client components: during server rendering it queries the API directly and hands the
// results to the browser with the HTML; afterwards the browser queries /graphql (same origin).
import { cacheExchange, createClient, fetchExchange, ssrExchange, UrqlProvider } from "@urql/next";
import { type ReactNode, useMemo } from "react";

/** `nonce`: this response's CSP nonce, for the script that carries the server's results. */
export function GraphqlProvider({ serverUrl, nonce, children }: { serverUrl: string; nonce: string | undefined; children: ReactNode }) {
  const [client, ssr] = useMemo(() => {
    const isClient = typeof window !== "undefined";
    const ssr = ssrExchange({ isClient });
    const client = createClient({
      url: isClient ? "/graphql" : serverUrl,
      exchanges: [cacheExchange, ssr, fetchExchange],
      suspense: true,
      fetchOptions: { cache: "no-store" },
    });
    return [client, ssr] as const;
  }, [serverUrl]);
  return (
    <UrqlProvider client={client} ssr={ssr} nonce={nonce}>
      {children}
    </UrqlProvider>
  );
}
