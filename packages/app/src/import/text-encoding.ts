// Which encoding a CSV file is in. Excel France saves « CSV (séparateur : point-virgule) » in
// Windows-1252: read as UTF-8, « Aide à la création » would become « Aide � la cr�ation ».
import { isUtf8 } from "node:buffer";

export type TextEncodingName = "UTF-8" | "UTF-8 (avec BOM)" | "Windows-1252";

export class EncodingError extends Error {}

// Bytes Windows-1252 leaves undefined, and the controls no text file holds (NUL is the mark of
// UTF-16): a file with any of them is neither UTF-8 nor Windows-1252.
const NOT_WINDOWS_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0b, 0x0e, 0x0f, 0x1a, 0x1b]);

/** The file's encoding, detected without decoding it whole (a 10 MB file is 20 MB of string). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new EncodingError("Ce fichier est en UTF-16 : enregistrez-le en « CSV UTF-8 » depuis votre tableur.");
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (isUtf8(bytes) && !bytes.includes(0)) return bom ? "UTF-8 (avec BOM)" : "UTF-8";
  const offending = bytes.findIndex((b) => NOT_WINDOWS_1252.has(b));
  if (offending >= 0) {
    throw new EncodingError(
      `Encodage non reconnu : ce fichier n'est ni en UTF-8 ni en Windows-1252 (octet 0x${(bytes[offending] ?? 0).toString(16).padStart(2, "0")} à la position ${offending + 1}). ` +
        "Enregistrez-le en « CSV UTF-8 » depuis votre tableur.",
    );
  }
  return "Windows-1252";
}

/** The text, 64 KiB of bytes at a time, without its BOM. */
export function* decodedChunks(bytes: Uint8Array, encoding: TextEncodingName): Generator<string> {
  const decoder = new TextDecoder(encoding === "Windows-1252" ? "windows-1252" : "utf-8");
  for (let i = 0; i < bytes.length; i += 65_536) yield decoder.decode(bytes.subarray(i, i + 65_536), { stream: true });
  yield decoder.decode();
}
