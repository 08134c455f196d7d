// A stock file on disk, as INSEE publishes it (StockEtablissement_utf8.zip, several GB once
// inflated: ZIP64) or already unzipped. A ZIP's CSV is inflated as it is read, never to disk.
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import type { StockFile } from "./register";
import { ScanError } from "./scan";

const CHUNK = 1024 * 1024;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolve(zip)));
  });
}

/** The archive's one CSV, as a stream, and the archive to close after it; the archive must hold exactly one. */
async function csvInZip(file: string): Promise<{ zip: yauzl.ZipFile; stream: Readable }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (error) {
    throw new ScanError(`${path.basename(file)} : archive ZIP illisible (${(error as Error).message}).`);
  }
  const csvs: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (/\.csv$/i.test(entry.fileName)) csvs.push(entry);
      zip.readEntry();
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  const [entry] = csvs;
  if (!entry || csvs.length > 1) {
    zip.close();
    throw new ScanError(`${path.basename(file)} : l'archive doit contenir un seul fichier CSV (elle en contient ${csvs.length}).`);
  }
  const stream = await new Promise<Readable>((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream)));
  }).catch((error: Error) => {
    zip.close();
    throw new ScanError(`${path.basename(file)} : ${entry.fileName} illisible dans l'archive (${error.message}).`);
  });
  return { zip, stream };
}

async function* zipContent(file: string): AsyncGenerator<Uint8Array> {
  const { zip, stream } = await csvInZip(file);
  try {
    yield* stream as AsyncIterable<Uint8Array>;
  } finally {
    stream.destroy();
    zip.close();
  }
}

/** A stock file at `file`: a .csv, or a .zip holding one. */
export function stockFile(file: string, name = path.basename(file)): StockFile {
  if (!fs.existsSync(file)) throw new ScanError(`${name} : fichier introuvable (${file}).`);
  const zipped = fs.openSync(file, "r");
  const magic = Buffer.alloc(4);
  fs.readSync(zipped, magic, 0, 4, 0);
  fs.closeSync(zipped);
  const isZip = magic.readUInt32LE(0) === 0x04034b50;
  return {
    name,
    open: () => (isZip ? zipContent(file) : fs.createReadStream(file, { highWaterMark: CHUNK })),
  };
}
