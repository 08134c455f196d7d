import type { IncomingMessage, ServerResponse } from "node:http";
import type { TrustedProxies } from "@oess/auth";
import { createOpenDataHandler, type OpenDataOptions } from "@oess/opendata";
import type { Plugin } from "graphql-yoga";
import { publicUrl } from "../public-url";

/**
 * Serves /opendata/* (files, catalogue, SCDL) before GraphQL sees the request. Without a
 * configured public URL, the catalogue's come from the request as the browser sent it, through
 * trusted proxies only. A download that fails, or whose client takes nothing for `stallMs`
 * (0: no limit), is cut (see `cutWhenStuck`).
 */
export function useOpenData(
  options: OpenDataOptions,
  trustedProxies: TrustedProxies,
  stallMs: number,
): Plugin<object, { req?: IncomingMessage; res?: ServerResponse }> {
  const handle = createOpenDataHandler(options);
  return {
    async onRequest({ request, serverContext, endResponse }) {
      const response = await handle(request, publicUrl(request, serverContext.req?.socket.remoteAddress, trustedProxies).origin);
      if (!response) return;
      const { res } = serverContext;
      if (!response.body || !res) return endResponse(response);
      const body = cutWhenStuck(response.body, res, new URL(request.url).pathname, stallMs);
      endResponse(new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers }));
    },
  };
}

/**
 * A download's body that closes its connection when reading it fails or its client stalls. The
 * status and headers are sent by then: a chunked response that merely stopped would leave the
 * client waiting for ever (Yoga's adapter logs the error and leaves the response open), and a
 * client that never reads would hold a database connection as long as it liked. A cut
 * connection is what clients and harvesters take for a failed download, and retry.
 */
function cutWhenStuck(body: ReadableStream<Uint8Array>, res: ServerResponse, path: string, stallMs: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let sent = 0;
  let stall: NodeJS.Timeout | undefined;
  const cut = (why: string) => {
    clearTimeout(stall);
    if (res.destroyed) return;
    console.error(`[api] ${path}: download cut after ${sent} bytes: ${why}`);
    // The request's abort signal follows, and stops the export's query.
    res.destroy();
  };
  // A client that hangs up ends the response: no stall to watch for after that.
  res.once("close", () => clearTimeout(stall));
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      clearTimeout(stall);
      try {
        const { value, done } = await reader.read();
        if (done) return controller.close();
        sent += value.byteLength;
        controller.enqueue(value);
        // The next pull comes when the socket has taken this chunk: none within `stallMs` is a stalled client.
        if (stallMs > 0) stall = setTimeout(() => cut(`its client took nothing for ${stallMs} ms`), stallMs);
      } catch (error) {
        cut(error instanceof Error ? error.message : String(error));
        controller.close();
      }
    },
    cancel(reason) {
      clearTimeout(stall);
      return reader.cancel(reason);
    },
  });
}
