// Sessions over HTTP: the viewer comes from the session cookie; resolvers that sign in or out
// hand their Set-Cookie to this plugin, which adds it to the response.

import { type Viewer, viewerFromSession } from "@oess/app";
import { clientAddress, isTrustedPeer, sessionTokenFrom, type TrustedProxies } from "@oess/auth";
import type { PrismaClient } from "@oess/db";
import type { HttpContext } from "@oess/graphql";
import type { Plugin } from "graphql-yoga";

const pendingCookies = new WeakMap<Request, string[]>();

/**
 * The URL as the browser sees it. A trusted proxy (the dashboard's, a reverse proxy) says where
 * the request came from; anyone else's X-Forwarded-* headers are ignored.
 */
function publicUrl(request: Request, fromTrustedProxy: boolean): string {
  const url = new URL(request.url);
  if (!fromTrustedProxy) return url.toString();
  const proto = request.headers.get("x-forwarded-proto");
  const host = request.headers.get("x-forwarded-host");
  if (proto === "http" || proto === "https") url.protocol = `${proto}:`;
  if (host && URL.canParse(`http://${host}`)) url.host = host;
  return url.toString();
}

export async function sessionContext(
  prisma: PrismaClient,
  request: Request,
  socketAddress: string | undefined,
  trustedProxies: TrustedProxies,
): Promise<{ viewer: Viewer | null; http: HttpContext }> {
  const cookies: string[] = [];
  pendingCookies.set(request, cookies);
  return {
    viewer: await viewerFromSession(prisma, sessionTokenFrom(request.headers.get("cookie"))),
    http: {
      publicUrl: publicUrl(request, isTrustedPeer(socketAddress, trustedProxies)),
      clientIp: clientAddress(socketAddress, request.headers.get("x-forwarded-for"), trustedProxies),
      setCookie: (cookie) => cookies.push(cookie),
    },
  };
}

export const useSessionCookies = (): Plugin => ({
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append("set-cookie", cookie);
  },
});
