import { type Database, RETRY_AFTER_SECONDS } from "@oess/db";
import type { Plugin } from "graphql-yoga";

/** GET /healthz → 200 {"status":"ok","database":"pglite"|"postgresql"}, or 503 if the database does not answer. */
export function useHealthz(db: Database): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== "/healthz") return;
      const ok = await db.sql.query("SELECT 1").then(
        () => true,
        () => false,
      );
      endResponse(
        fetchAPI.Response.json(
          { status: ok ? "ok" : "error", database: db.kind },
          { status: ok ? 200 : 503, headers: { "cache-control": "no-store", ...(ok ? {} : { "retry-after": String(RETRY_AFTER_SECONDS) }) } },
        ),
      );
    },
  };
}
