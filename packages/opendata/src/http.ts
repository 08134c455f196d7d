// The /opendata/* routes as a Fetch handler: URL → dataset and format, checked filters,
// conditional GET (ETag / Last-Modified from the data's change counter), CORS, gzip, file names.
import { createHash } from "node:crypto";
import { pipeline, Readable } from "node:stream";
import { constants, createGzip } from "node:zlib";
import { databaseProblem, datasetInfo, dataVersion, type PrismaClient, RETRY_AFTER_SECONDS, registerSource, type SqlDriver } from "@oess/db";
import { DATASETS, type Format, type PublicUrls, SCDL_DATASET } from "./catalog";
import { conformityReport } from "./conformity";
import { dataPackage } from "./datapackage";
import type { ExportContext, FilterName, Filters } from "./dataset";
import { registerCounts, registerEstablishments } from "./datasets/register";
import { type CatalogFacts, catalogJsonLd, catalogTurtle } from "./dcat";
import { batches, csv, jsonLines, xlsxLines } from "./read";
import { findRelease, latestRelease, type Release } from "./releases";
import { type Body, datasetResource, HttpError, jsonResource, type Resource } from "./resource";
import { versionedRoute, versionList } from "./versioned";

export interface OpenDataOptions {
  sql: SqlDriver;
  prisma: PrismaClient;
  epciSiren: string;
  /** The EPCI's name, the catalogue's spatial coverage. */
  territoryName: string;
  /** Public URL of the dashboard's open-data page (the catalogue's landing page). */
  landingPage: string;
  /**
   * Public base URL of the API. Without it, each request's public origin is used (given by the
   * caller, who knows which proxies to believe), and the documents that cite it are not cached by
   * shared caches: a Host header must not end up in a copy served to others.
   */
  apiUrl?: string;
  /** The datasets' contact point in the catalogue and the Data Package. */
  contactEmail: string;
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "access-control-expose-headers": "ETag, Last-Modified, Content-Disposition, RateLimit, RateLimit-Policy, Retry-After",
};
// Harvesters poll: let a CDN keep a copy five minutes and serve it stale while it revalidates.
const CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=3600";
/** A released version never changes: any cache may keep its files for good. */
const IMMUTABLE = "public, max-age=31536000, immutable";
/** The documents that cite the API's own URL. */
const CITES_API_URL = /^\/opendata\/(v\/\d+\/)?(catalog\.jsonld|catalog\.ttl|datapackage\.json|versions\.json|CITATION\.cff|citation\.bib|citation\.json)$/;

/** What conditional requests and caches need to know of a response before it is built. */
interface Freshness {
  etag: string;
  lastModified: Date;
  cacheControl: string;
  /** The latest release (current files), said in the Data Package and the version list. */
  release: Release | null;
}

const digest = (text: string) => createHash("sha1").update(text).digest("hex").slice(0, 12);
const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** The current files change with the data (its change counter) and with each new release. */
async function currentFreshness(url: URL, options: OpenDataOptions, urls: PublicUrls): Promise<Freshness> {
  const [version, release] = await Promise.all([dataVersion(options.prisma), latestRelease(options.sql)]);
  let changedAt = version.changedAt.getTime();
  let identity = url.pathname + url.search + (urls.derived ? urls.api : "");
  // The deadline report also changes with the calendar: a grant becomes late at midnight.
  if (url.pathname === "/opendata/scdl/conformite.json") {
    const today = new Date().toISOString().slice(0, 10);
    changedAt = Math.max(changedAt, Date.parse(`${today}T00:00:00Z`));
    identity += today;
  }
  return {
    etag: `W/"${version.version}-${digest(identity)}"`,
    lastModified: toSecond(new Date(changedAt)),
    // Documents citing a request-derived URL stay out of shared caches.
    cacheControl: urls.derived && CITES_API_URL.test(url.pathname) ? "private, max-age=300" : CACHE_CONTROL,
    release,
  };
}

/** A version's files are the same forever (weak: an XLSX zip is rewritten with new timestamps). */
function releaseFreshness(url: URL, release: Release, urls: PublicUrls): Freshness {
  return {
    etag: `W/"v${release.number}-${digest(url.pathname + url.search + (urls.derived ? urls.api : ""))}"`,
    lastModified: toSecond(release.releasedAt),
    cacheControl: urls.derived && CITES_API_URL.test(url.pathname) ? "private, max-age=300" : IMMUTABLE,
    release,
  };
}

async function requestedRelease(sql: SqlDriver, number: string): Promise<Release> {
  const release = /^[1-9]\d{0,8}$/.test(number) ? await findRelease(sql, Number(number)) : null;
  if (release) return release;
  const latest = await latestRelease(sql);
  throw new HttpError(
    404,
    `No version "${number}" of the data: ${latest ? `versions go from 1 to ${latest.number}` : "none has been released yet"}; see /opendata/versions.json.`,
  );
}

export function createOpenDataHandler(options: OpenDataOptions): (request: Request, publicOrigin?: string) => Promise<Response | null> {
  return async (request, publicOrigin) => {
    const url = new URL(request.url);
    if (url.pathname !== "/opendata" && !url.pathname.startsWith("/opendata/")) return null;
    if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
    if (request.method !== "GET" && request.method !== "HEAD") {
      return errorResponse(405, `${request.method} is not allowed here: open data is read with GET.`, { allow: "GET, HEAD, OPTIONS" });
    }
    try {
      const apiUrl = options.apiUrl ?? publicOrigin ?? url.origin;
      const urls: PublicUrls = { api: apiUrl, landingPage: options.landingPage, contactEmail: options.contactEmail, derived: options.apiUrl === undefined };
      // A version's files carry the demo flag of their release; the current ones, the dataset's.
      const ctx: ExportContext = { sql: options.sql, epciSiren: options.epciSiren, isDemo: false, signal: request.signal };
      const versioned = /^\/opendata\/v\/([^/]*)(?:\/(.*))?$/.exec(url.pathname);
      const release = versioned ? await requestedRelease(options.sql, versioned[1] ?? "") : null;
      const fresh = release ? releaseFreshness(url, release, urls) : await currentFreshness(url, options, urls);
      const cacheHeaders = {
        etag: fresh.etag,
        "last-modified": fresh.lastModified.toUTCString(),
        "cache-control": fresh.cacheControl,
        vary: "Accept-Encoding",
      };
      if (notModified(request, fresh.etag, fresh.lastModified)) return new Response(null, { status: 304, headers: { ...CORS, ...cacheHeaders } });

      const resource = release
        ? versionedRoute(url, versioned?.[2] ?? "", release, ctx, urls)
        : await route(url, { ...ctx, isDemo: (await datasetInfo(options.prisma)).isDemo }, urls, fresh, options.territoryName);
      const headers = new Headers({
        ...CORS,
        ...cacheHeaders,
        "content-type": resource.contentType,
        "content-disposition": `attachment; filename="${resource.filename}"`,
      });
      const zip = acceptsGzip(request.headers.get("accept-encoding"));
      // A small text is built now: HEAD and GET can tell its length. A dataset streams, its size unknown.
      const text = resource.small ? await resource.body() : null;
      if (typeof text === "string" && !zip) headers.set("content-length", String(Buffer.byteLength(text)));
      if (request.method === "HEAD") return new Response(null, { status: 200, headers });
      let body: AsyncIterable<Uint8Array> = chunked(text ?? (await resource.body()));
      if (zip) {
        body = gzip(body);
        headers.set("content-encoding", "gzip");
      }
      return new Response(await toStream(body, request.signal), { status: 200, headers });
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.message);
      const problem = databaseProblem(error);
      if (problem === "unavailable" || problem === "timeout") {
        // A harvester retries on 503 + Retry-After; a 500 would read as a broken file.
        const why = problem === "timeout" ? "the export took longer than the server allows" : "the database is not reachable right now";
        return errorResponse(503, `Temporarily unavailable: ${why}. Try again in a few seconds.`, { "retry-after": String(RETRY_AFTER_SECONDS) });
      }
      throw error;
    }
  };
}

async function route(url: URL, ctx: ExportContext, urls: PublicUrls, fresh: Freshness, territoryName: string): Promise<Resource> {
  const path = url.pathname.replace(/^\/opendata\/?/, "");
  const { lastModified, release } = fresh;
  const day = lastModified.toISOString().slice(0, 10);

  if (path === "catalog.jsonld" || path === "catalog.ttl") {
    checkParams(url, []);
    const facts = await catalogFacts(ctx, territoryName, lastModified);
    return path === "catalog.ttl"
      ? { contentType: "text/turtle; charset=utf-8", filename: `catalogue-${day}.ttl`, body: () => catalogTurtle(urls, facts), small: true }
      : jsonResource(catalogJsonLd(urls, facts), `catalogue-${day}.jsonld`, "application/ld+json; charset=utf-8");
  }
  if (path === "datapackage.json") {
    checkParams(url, []);
    return jsonResource(dataPackage(urls, { isDemo: ctx.isDemo, lastModified, release, frozen: false }), `datapackage-${day}.json`);
  }
  if (path === "versions.json") {
    checkParams(url, []);
    return jsonResource(await versionList(ctx.sql, urls), `versions-${day}.json`);
  }
  if (path === "scdl/conformite.json") {
    const filters = await parseFilters(url, ["attribuant"], ctx);
    return jsonResource(await conformityReport(ctx, new Date().toISOString().slice(0, 10), filters.attribuant), `conformite-scdl-${day}.json`);
  }
  if (path === "scdl/subventions.csv") {
    const filters = await parseFilters(url, SCDL_DATASET.filters, ctx);
    return { contentType: "text/csv; charset=utf-8; header=present", filename: `subventions-scdl-${day}.csv`, body: () => csv(ctx, SCDL_DATASET, filters) };
  }
  const match = /^([a-z]+(?:-[a-z]+)*)\.(csv|excel\.csv|json|xlsx)$/.exec(path);
  const dataset = match ? DATASETS.find((d) => d.name === match[1]) : undefined;
  if (!match || !dataset) {
    const available = [
      "catalog.jsonld",
      "catalog.ttl",
      "datapackage.json",
      "versions.json",
      "v/{version}/…",
      "scdl/subventions.csv",
      "scdl/conformite.json",
      ...DATASETS.map((d) => `${d.name}.{csv,excel.csv,json,xlsx}`),
    ];
    throw new HttpError(404, `No open dataset at /opendata/${path}. Available: ${available.join(", ")}.`);
  }
  const format = match[2] as Format;
  const filters = await parseFilters(url, dataset.filters, ctx);
  return datasetResource(dataset, format, {
    rows: () => batches(ctx, dataset, filters),
    csv: () => csv(ctx, dataset, filters),
    jsonLines: () => jsonLines(ctx, dataset, filters),
    xlsxLines: () => xlsxLines(ctx, dataset, filters),
    isDemo: ctx.isDemo,
    lastModified,
  });
}

const FILTER_RULES: Record<FilterName, { pattern: RegExp; expected: string }> = {
  year: { pattern: /^(20\d\d|2100)$/, expected: "a year between 2000 and 2100" },
  commune: { pattern: /^\d[\dAB]\d{3}$/, expected: "an INSEE commune code such as 79191" },
  partner: { pattern: /^[a-z0-9-]+$/i, expected: "a partner slug (such as can) or database id" },
  attribuant: { pattern: /^\d{14}$/, expected: "the 14-digit SIRET of a funder" },
};

function checkParams(url: URL, allowed: readonly FilterName[]): void {
  for (const name of new Set(url.searchParams.keys())) {
    if (!allowed.includes(name as FilterName)) {
      throw new HttpError(400, `Unknown parameter "${name}" here; accepted: ${allowed.length > 0 ? allowed.join(", ") : "none"}.`);
    }
    // ?year=2020&year=abc used to answer 2020's rows: a filter given twice is a question unasked.
    const count = url.searchParams.getAll(name).length;
    if (count > 1) throw new HttpError(400, `Parameter ${name} is given ${count} times; give it once.`);
  }
}

async function parseFilters(url: URL, allowed: readonly FilterName[], ctx: ExportContext): Promise<Filters> {
  checkParams(url, allowed);
  const filters: Filters = {};
  for (const name of allowed) {
    const value = url.searchParams.get(name);
    if (value === null) continue;
    if (!FILTER_RULES[name].pattern.test(value)) throw new HttpError(400, `Parameter ${name}="${value}" is not ${FILTER_RULES[name].expected}.`);
    if (name === "year") filters.year = Number(value);
    else if (name === "partner") filters.partner = await resolvePartner(ctx, value);
    else filters[name] = await known(ctx, name, value);
  }
  return filters;
}

// A well-formed code that names nothing would answer a header alone: say it instead.
const LOOKUPS = {
  commune: { sql: "SELECT 1 FROM commune WHERE code = $1", what: "a commune of the territory", list: "/opendata/communes.csv" },
  attribuant: { sql: "SELECT 1 FROM partner WHERE siret = $1", what: "the SIRET of a partner", list: "/opendata/partners.csv" },
} as const;

async function known(ctx: ExportContext, name: keyof typeof LOOKUPS, value: string): Promise<string> {
  const lookup = LOOKUPS[name];
  if ((await ctx.sql.query(lookup.sql, [value])).length === 0)
    throw new HttpError(400, `Parameter ${name}="${value}" is not ${lookup.what}; see ${lookup.list} for the valid values.`);
  return value;
}

async function resolvePartner(ctx: ExportContext, value: string): Promise<string> {
  const [partner] = await ctx.sql.query<{ id: string }>("SELECT id::text AS id FROM partner WHERE slug = $1 OR id::text = $1", [value]);
  if (!partner) throw new HttpError(400, `Parameter partner="${value}" matches no partner; see /opendata/partners.csv for slugs and ids.`);
  return partner.id;
}

// Each dataset's years and first publication, from its own published records (SQL per dataset).
const DATASET_FACTS_SQL = `
  WITH jobs AS (SELECT year, published_at FROM job_record WHERE status = 'PUBLISHED'),
       incubations AS (SELECT extract(year FROM start_date)::int AS year, published_at FROM incubation WHERE status = 'PUBLISHED'),
       fundings AS (SELECT year, published_at FROM funding WHERE status = 'PUBLISHED'),
       grants AS (SELECT f.year, f.published_at FROM funding f JOIN partner p ON p.id = f.funder_id
                  WHERE f.status = 'PUBLISHED' AND f.instrument = 'GRANT' AND p.is_public_body),
       enterprises AS (SELECT extract(year FROM founded_on)::int AS year, published_at FROM enterprise WHERE status = 'PUBLISHED'),
       facts AS (
         SELECT 'jobs' AS name, * FROM jobs UNION ALL SELECT 'incubations', * FROM incubations
         UNION ALL SELECT 'fundings', * FROM fundings UNION ALL SELECT 'scdl-subventions', * FROM grants
         UNION ALL SELECT 'enterprises', * FROM enterprises
         UNION ALL SELECT 'indicators', * FROM jobs UNION ALL SELECT 'indicators', * FROM incubations UNION ALL SELECT 'indicators', * FROM fundings)
  SELECT name, min(year) AS first_year, max(year) AS last_year,
         to_char(min(published_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS issued
    FROM facts GROUP BY name`;

async function catalogFacts(ctx: ExportContext, territoryName: string, modified: Date): Promise<CatalogFacts> {
  const [rows, communes, register] = await Promise.all([
    ctx.sql.query<{ name: string; first_year: number | null; last_year: number | null; issued: string | null }>(DATASET_FACTS_SQL),
    ctx.sql.query<{ code: string; name: string }>("SELECT code, name FROM commune WHERE epci_siren = $1 ORDER BY code", [ctx.epciSiren]),
    registerSource(ctx.sql),
  ]);
  const datasets: Record<string, CatalogFacts["datasets"][string]> = Object.fromEntries(
    rows.map((r) => [r.name, { issued: r.issued ? new Date(r.issued) : null, firstYear: r.first_year, lastYear: r.last_year }] as const),
  );
  if (register) {
    const provenance = `Répertoire Sirene de l'Insee (fichiers stock), extrait du ${register.extractDate ?? "(date inconnue)"}, importé le ${register.importedAt.slice(0, 10)}.`;
    for (const dataset of [registerEstablishments, registerCounts]) datasets[dataset.name] = { issued: null, firstYear: null, lastYear: null, provenance };
  }
  const issued = rows.flatMap((r) => (r.issued ? [Date.parse(r.issued)] : []));
  return {
    issued: issued.length > 0 ? new Date(Math.min(...issued)) : modified,
    modified,
    territory: { epciSiren: ctx.epciSiren, name: territoryName, communes },
    datasets,
  };
}

function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

const encoder = new TextEncoder();
const CHUNK_BYTES = 64 * 1024;

/**
 * Text and bytes gathered into chunks of about 64 KiB: PostgreSQL's COPY sends one message per
 * row, and a socket write per row would cost more than the row itself.
 */
async function* chunked(body: Body): AsyncGenerator<Uint8Array> {
  if (typeof body === "string") {
    yield encoder.encode(body);
    return;
  }
  let parts: Uint8Array[] = [];
  let size = 0;
  for await (const piece of body) {
    const bytes = typeof piece === "string" ? encoder.encode(piece) : piece;
    parts.push(bytes);
    size += bytes.byteLength;
    if (size >= CHUNK_BYTES) {
      yield Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield Buffer.concat(parts, size);
}

/** Whether the client takes gzip: named (or `*`) with a quality above zero, as RFC 9110 says. */
function acceptsGzip(header: string | null): boolean {
  const qualities = new Map(
    (header ?? "").split(",").map((part) => {
      const [coding = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith("q="));
      return [coding, q ? Number(q.slice(2)) : 1] as const;
    }),
  );
  const q = qualities.get("gzip") ?? qualities.get("x-gzip") ?? qualities.get("*") ?? 0;
  return q > 0;
}

/** gzip through Node's zlib streams, which wait for the reader (backpressure) at every step. */
function gzip(body: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  // Level 4: most of the size gain of the default level for half its time on large CSV files.
  return pipeline(Readable.from(body), createGzip({ level: 4, flush: constants.Z_NO_FLUSH }), () => undefined);
}

/**
 * The body as a pull-based stream, once its first chunk is read: what fails before any byte is
 * sent (a lock waited on too long, the database gone) is still answered with a status and a reason.
 */
async function toStream(body: AsyncIterable<Uint8Array>, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  const iterator = body[Symbol.asyncIterator]();
  // A client that hangs up never pulls again, and the server's writer may wait for ever on a
  // `drain` that will not come: the request's abort signal is what ends the reading.
  const stop = () => void iterator.return?.().catch(() => undefined);
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  let next: IteratorResult<Uint8Array> | null = await iterator.next();
  // The next chunk is read from the database only when the client has taken the last.
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = next ?? (await iterator.next());
      next = null;
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

function errorResponse(status: number, message: string, extra: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify({ error: message })}\n`, { status, headers: { ...CORS, ...extra, "content-type": "application/json; charset=utf-8" } });
}
