import type { IncomingMessage } from "node:http";
import type { TrustedProxies } from "@oess/auth";
import { createOpenDataHandler, type OpenDataOptions } from "@oess/opendata";
import type { Plugin } from "graphql-yoga";
import { publicUrl } from "../public-url";

/**
 * Serves /opendata/* (files, catalogue, SCDL) before GraphQL sees the request. Without a
 * configured public URL, the catalogue's come from the request as the browser sent it, through
 * trusted proxies only.
 */
export function useOpenData(options: OpenDataOptions, trustedProxies: TrustedProxies): Plugin<object, { req?: IncomingMessage }> {
  const handle = createOpenDataHandler(options);
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const response = await handle(request, publicUrl(request, serverContext.req?.socket.remoteAddress, trustedProxies).origin);
      if (response) endResponse(response);
    },
  };
}
