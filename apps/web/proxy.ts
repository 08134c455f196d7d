// Runs before every page: while the API does not answer, a 503 page that comes back by itself;
// otherwise a fresh nonce, the security headers of lib/security-headers.ts on the response, and
// the policy on the request too, where Next.js reads the nonce for its scripts.
import { type NextRequest, NextResponse } from "next/server";
import { apiIsUp, RETRY_SECONDS, UNAVAILABLE_PAGE } from "./lib/api-health";
import { EMBED_HEADER, EMBED_PREFIX } from "./lib/embeds";
import { env } from "./lib/env";
import { securityHeaders } from "./lib/security-headers";

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  // Embedded charts are read-only: any website may frame them; the rest only the origins configured.
  const embed = request.nextUrl.pathname.startsWith(EMBED_PREFIX);
  const headers = securityHeaders({ nonce, https, ancestors: embed ? ["*"] : env.frameAncestors, dev: process.env.NODE_ENV === "development" });
  if (!(await apiIsUp())) {
    return new NextResponse(UNAVAILABLE_PAGE, {
      status: 503,
      headers: { ...headers, "content-type": "text/html; charset=utf-8", "retry-after": String(RETRY_SECONDS), "cache-control": "no-store" },
    });
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // Set here, never taken from the client: the root layout leaves the site's frame out of embeds.
  requestHeaders.set(EMBED_HEADER, embed ? "1" : "0");
  requestHeaders.set("content-security-policy", headers["content-security-policy"]);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: static files and the /graphql proxy (JSON, the API sets its own) need no policy.
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|graphql).*)" }],
};
