// Sessions over HTTP: the viewer comes from the session cookie; resolvers that sign in or out
// hand their Set-Cookie to this plugin, which adds it to the response.

import { type Viewer, viewerFromSession } from "@oess/app";
import { clientAddress, sessionTokenFrom, type TrustedProxies } from "@oess/auth";
import type { PrismaClient } from "@oess/db";
import type { HttpContext } from "@oess/graphql";
import type { Plugin } from "graphql-yoga";
import { publicUrl } from "../public-url";

const pendingCookies = new WeakMap<Request, string[]>();

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
      publicUrl: publicUrl(request, socketAddress, trustedProxies).toString(),
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
