// POST /register/imports: the SIRENE stock files from the admin page, several GB each, streamed to
// a temporary folder (never held in memory), then imported in the background. Coordination admins
// only, with the CSRF header. Progress and cancellation go through GraphQL (registerImportJob,
// cancelRegisterImport).
import fs from "node:fs";
import type { IncomingMessage } from "node:http";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ImportBusy, isCoordinator, type RegisterJobFiles, startRegisterJob } from "@oess/app";
import type { TrustedProxies } from "@oess/auth";
import type { Database } from "@oess/db";
import type { Territory } from "@oess/domain";
import busboy from "busboy";
import type { Plugin } from "graphql-yoga";
import { CSRF_HEADER } from "./csrf";
import { sessionContext } from "./session";

const ROUTE = "/register/imports";
const FIELDS = ["units", "establishments"] as const;
/** INSEE's files weigh 4 and 9 GB unzipped; beyond 40 GB, something else is being sent. */
const MAX_FILE_BYTES = 40 * 1024 ** 3;

const answer = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });

class UploadError extends Error {}

/** The body's chunks: the server's request body is a WHATWG stream of its own, not always Node's. */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Writes each file part to `folder`; returns their paths and names, and the other fields. */
async function receive(
  request: Request,
  folder: string,
): Promise<{ files: Partial<Record<(typeof FIELDS)[number], { path: string; name: string }>>; fields: Record<string, string> }> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data") || !request.body)
    throw new UploadError("Envoyez les deux fichiers en multipart/form-data (champs units et establishments).");
  const files: Partial<Record<(typeof FIELDS)[number], { path: string; name: string }>> = {};
  const fields: Record<string, string> = {};
  const writes: Array<Promise<void>> = [];
  const parser = busboy({ headers: { "content-type": type }, limits: { files: 2, fields: 4, fileSize: MAX_FILE_BYTES } });
  parser.on("file", (field, stream, info) => {
    const known = FIELDS.find((f) => f === field);
    if (!known || !info.filename) {
      stream.resume();
      return;
    }
    const target = path.join(folder, known);
    files[known] = { path: target, name: path.basename(info.filename) };
    stream.on("limit", () => stream.destroy(new UploadError(`${info.filename} dépasse ${MAX_FILE_BYTES / 1024 ** 3} Go.`)));
    writes.push(pipeline(stream, fs.createWriteStream(target)));
  });
  parser.on("field", (name, value) => {
    fields[name] = value;
  });
  await pipeline(Readable.from(chunksOf(request.body)), parser);
  await Promise.all(writes);
  return { files, fields };
}

export function useRegisterUpload(db: Database, territory: Territory, trustedProxies: TrustedProxies): Plugin<object, { req?: IncomingMessage }> {
  const communes = new Set(territory.communes.map((c) => c.code));
  return {
    async onRequest({ request, url, serverContext, endResponse }) {
      if (url.pathname !== ROUTE) return;
      if (request.method !== "POST") return endResponse(answer(405, { error: `POST ${ROUTE} only.` }));
      if (!request.headers.has(CSRF_HEADER))
        return endResponse(answer(403, { error: `The ${CSRF_HEADER} header is required (protection against cross-site request forgery).` }));
      const { viewer } = await sessionContext(db.prisma, request, serverContext.req?.socket.remoteAddress, trustedProxies);
      if (!isCoordinator(viewer)) return endResponse(answer(403, { error: "Réservé aux administrateurs de la coordination du PTCE." }));
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), "oess-sirene-"));
      try {
        const { files, fields } = await receive(request, folder);
        const { units, establishments } = files;
        if (!units || !establishments)
          throw new UploadError("Il faut les deux fichiers stock : StockUniteLegale (champ units) et StockEtablissement (champ establishments).");
        const extractDate = fields.extractDate?.trim() || null;
        if (extractDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(extractDate))
          throw new UploadError(`Date de l'extrait « ${extractDate} » : écrivez-la AAAA-MM-JJ.`);
        const job = startRegisterJob(db.sql, { units, establishments, folder } satisfies RegisterJobFiles, {
          communes,
          startedById: viewer?.userId ?? null,
          extractDate,
        });
        endResponse(answer(202, { job: job.id, files: job.files }));
      } catch (error) {
        fs.rmSync(folder, { recursive: true, force: true });
        if (error instanceof UploadError || error instanceof ImportBusy)
          return endResponse(answer(error instanceof ImportBusy ? 409 : 400, { error: error.message }));
        // The upload broke off (the client went away, the disk filled): nothing was started.
        endResponse(answer(400, { error: `Envoi interrompu : ${(error as Error).message}` }));
      }
    },
  };
}
