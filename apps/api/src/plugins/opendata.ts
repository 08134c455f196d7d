import { createOpenDataHandler, type OpenDataOptions } from "@oess/opendata";
import type { Plugin } from "graphql-yoga";

/** Serves /opendata/* (files, catalogue, SCDL) before GraphQL sees the request. */
export function useOpenData(options: OpenDataOptions): Plugin {
  const handle = createOpenDataHandler(options);
  return {
    async onRequest({ request, endResponse }) {
      const response = await handle(request);
      if (response) endResponse(response);
    },
  };
}
