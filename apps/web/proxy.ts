// Runs before every page: a fresh nonce, the security headers of lib/security-headers.ts on the
// response, and the policy on the request too, where Next.js reads the nonce for its scripts.
import { type NextRequest, NextResponse } from "next/server";
import { env } from "./lib/env";
import { securityHeaders } from "./lib/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const https = (request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "")) === "https";
  const headers = securityHeaders({ nonce, https, ancestors: env.frameAncestors, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"] as string);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only: static files and the /graphql proxy (JSON, the API sets its own) need no policy.
  matcher: [{ source: "/((?!_next/static|_next/image|icon.svg|graphql).*)" }],
};
