// Sessions over HTTP: the viewer comes from the session cookie; resolvers that sign in or out
// hand their Set-Cookie to this plugin, which adds it to the response.
import { sessionTokenFrom } from "@oess/auth";
import type { PrismaClient } from "@oess/db";
import { type HttpContext, type Viewer, viewerFromSession } from "@oess/graphql";
import type { Plugin } from "graphql-yoga";

const pendingCookies = new WeakMap<Request, string[]>();

/** The URL as the browser sees it: the dashboard's proxy says where the request came from. */
function publicUrl(request: Request): string {
  const url = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto");
  const host = request.headers.get("x-forwarded-host");
  if (proto === "http" || proto === "https") url.protocol = `${proto}:`;
  if (host) url.host = host;
  return url.toString();
}

/** The caller's address, for rate limiting: the first hop a proxy reports, else the socket's. */
function clientIp(request: Request, socketAddress: string | undefined): string {
  return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || socketAddress || "unknown";
}

export async function sessionContext(
  prisma: PrismaClient,
  request: Request,
  socketAddress: string | undefined,
): Promise<{ viewer: Viewer | null; http: HttpContext }> {
  const cookies: string[] = [];
  pendingCookies.set(request, cookies);
  return {
    viewer: await viewerFromSession(prisma, sessionTokenFrom(request.headers.get("cookie"))),
    http: { publicUrl: publicUrl(request), clientIp: clientIp(request, socketAddress), setCookie: (cookie) => cookies.push(cookie) },
  };
}

export const useSessionCookies = (): Plugin => ({
  onResponse({ request, response }) {
    for (const cookie of pendingCookies.get(request) ?? []) response.headers.append("set-cookie", cookie);
  },
});
