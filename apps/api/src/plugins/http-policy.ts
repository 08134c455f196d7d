// CORS and response headers, as one policy for the whole API:
// - /graphql: credentials only for the configured origins; any other origin may read anonymously
//   (no credentials, and not the CSRF header, so it cannot send a mutation);
// - /opendata/*: open to all (its own handler answers `*`, never credentials);
// - a signed-in answer is never stored by a shared cache; every answer says nosniff and no framing.
import { SESSION_COOKIE } from "@oess/auth";
import type { Plugin } from "graphql-yoga";
import { CSRF_HEADER } from "./csrf";

const METHODS = "GET, POST, OPTIONS";
const GRAPHIQL_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'";

function graphqlCors(origin: string, credentialed: boolean): Record<string, string> {
  return credentialed
    ? {
        "access-control-allow-origin": origin,
        "access-control-allow-credentials": "true",
        "access-control-allow-methods": METHODS,
        "access-control-allow-headers": `content-type, accept, ${CSRF_HEADER}`,
        "access-control-max-age": "600",
        "access-control-expose-headers": RATE_LIMIT_HEADERS,
      }
    : {
        "access-control-allow-origin": "*",
        "access-control-allow-methods": METHODS,
        "access-control-allow-headers": "content-type, accept",
        "access-control-max-age": "600",
        "access-control-expose-headers": RATE_LIMIT_HEADERS,
      };
}

function appendVary(headers: Headers, name: string): void {
  const vary = headers.get("vary");
  if (!vary?.split(",").some((v) => v.trim().toLowerCase() === name.toLowerCase())) headers.set("vary", vary ? `${vary}, ${name}` : name);
}

/** What a browser script may read of a rate-limited answer. */
export const RATE_LIMIT_HEADERS = "RateLimit, RateLimit-Policy, Retry-After";

const hasSession = (request: Request) =>
  request.headers.has("authorization") || (request.headers.get("cookie") ?? "").split(";").some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));

export function useHttpPolicy({ corsOrigins, hsts }: { corsOrigins: readonly string[]; hsts: boolean }): Plugin {
  return {
    // Preflights of /graphql (the open-data handler answers its own).
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== "OPTIONS" || url.pathname.startsWith("/opendata")) return;
      endResponse(new fetchAPI.Response(null, { status: 204, headers: { "content-length": "0" } }));
    },
    // Runs after every other plugin's onResponse (it is listed last), so it sees their cookies.
    onResponse({ request, response }) {
      const url = new URL(request.url);
      const headers = response.headers;
      headers.set("x-content-type-options", "nosniff");
      headers.set("referrer-policy", "strict-origin-when-cross-origin");
      if (hsts) headers.set("strict-transport-security", "max-age=31536000; includeSubDomains");
      // Nothing of the API is meant to be framed. GraphiQL's page (the only HTML) runs the inline
      // script and styles it is built of, and talks to this origin alone.
      const html = headers.get("content-type")?.startsWith("text/html");
      headers.set("content-security-policy", html ? GRAPHIQL_CSP : "default-src 'none'; frame-ancestors 'none'");
      headers.set("x-frame-options", "DENY");
      if (url.pathname.startsWith("/opendata")) return;
      const origin = request.headers.get("origin");
      if (origin) {
        for (const [name, value] of Object.entries(graphqlCors(origin, corsOrigins.includes(origin)))) headers.set(name, value);
        appendVary(headers, "Origin");
      }
      if (hasSession(request) || headers.has("set-cookie")) headers.set("cache-control", "private, no-store");
    },
  };
}
