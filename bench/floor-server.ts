// The floor the API is measured against (started by bench/api.ts, in a process of its own like the
// API): a hand-written HTTP server on the SQL driver that runs one SQL statement per request.
// `/fundings` writes the JSON the API gives for the same page (api.ts checks that the two agree):
// nothing can serve it with less work, so the API's distance from it is its overhead.
// `/indicators` is the other floor: the aggregate summed from the records, the full scan
// that the rollups replace (its JSON is not the API's).
// Environment: DATABASE_URL or DATA_DIR as for the API, FLOOR_PORT.
import http from "node:http";
import { openDatabase, targetFromEnv } from "@oess/db";

const PAGE_SQL = `SELECT f.id, f.amount::text AS amount, f.year, p.short_name, e.name AS enterprise, c.name AS commune
  FROM funding f JOIN partner p ON p.id = f.funder_id
  LEFT JOIN enterprise e ON e.id = f.beneficiary_enterprise_id LEFT JOIN commune c ON c.code = e.commune_code
  WHERE f.status = 'PUBLISHED' AND ($1::uuid IS NULL OR f.id > $1::uuid) ORDER BY f.id LIMIT 101`;

const AGGREGATE_SQL = `SELECT f.funder_id, p.short_name, f.year, sum(f.amount)::text AS amount, count(*)::int AS n
  FROM funding f JOIN partner p ON p.id = f.funder_id WHERE f.status = 'PUBLISHED' GROUP BY f.funder_id, p.short_name, f.year`;

// Pothos' cursor for `cursor: "id"`: the id, typed and base64-encoded (decoded here as the API does).
const encodeCursor = (id: string) => Buffer.from(`GPC:S:${id}`).toString("base64");
const decodeCursor = (cursor: string) =>
  Buffer.from(cursor, "base64")
    .toString()
    .replace(/^GPC:S:/, "");

interface PageRow {
  id: string;
  amount: string;
  year: number;
  short_name: string;
  enterprise: string | null;
  commune: string | null;
}

function pageJson(rows: PageRow[]): string {
  const page = rows.slice(0, 100);
  const edges = page.map((r) => ({
    cursor: encodeCursor(r.id),
    node: {
      databaseId: r.id,
      amount: r.amount,
      year: r.year,
      funder: { shortName: r.short_name },
      beneficiaryEnterprise: r.enterprise === null ? null : { name: r.enterprise, commune: { name: r.commune } },
    },
  }));
  return JSON.stringify({ data: { fundings: { edges, pageInfo: { hasNextPage: rows.length > 100, endCursor: edges.at(-1)?.cursor ?? null } } } });
}

const db = await openDatabase(targetFromEnv(), { maxConnections: 32 });
const sql = db.sql;
const server = http.createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? "/", "http://floor");
    let body = "ok";
    if (url.pathname === "/fundings") {
      const after = url.searchParams.get("after");
      body = pageJson(await sql.query<PageRow>(PAGE_SQL, [after ? decodeCursor(after) : null]));
    } else if (url.pathname === "/indicators") {
      body = JSON.stringify({ data: { indicators: await sql.query(AGGREGATE_SQL) } });
    }
    response.writeHead(200, { "content-type": "application/json" }).end(body);
  } catch (error) {
    response.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.env.FLOOR_PORT), "127.0.0.1");
process.on("SIGTERM", () => {
  server.close();
  server.closeAllConnections();
  void db.close();
});
