// Test helper: the API as a signed-in browser calls it, through HTTP (app.fetch), or on a real socket.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO_PASSWORD } from "@oess/db";
import type { App } from "./app";

/** The app on a real socket of the loopback (the peer's address is the test's own, 127.0.0.1); close() cuts what is still open. */
export async function serveOnLoopback(app: App): Promise<{ url: string; port: number; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const CSRF = { "x-graphql-yoga-csrf": "1" };

export interface GraphqlAnswer {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A GraphQL request with the session's cookie (empty: anonymous) and the CSRF header. */
export async function graphqlAs(app: App, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphqlAnswer> {
  const response = await app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", cookie, ...CSRF },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphqlAnswer;
}

/** Signs a demo account in; its session cookie (name=value). */
export async function signIn(app: App, email: string): Promise<string> {
  const response = await app.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", ...CSRF },
    body: JSON.stringify({
      query: `mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { name } }`,
      variables: { e: email, p: DEMO_PASSWORD },
    }),
  });
  return (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
}
