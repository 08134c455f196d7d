// Links of the first partner space (/espace-partenaire/fiche?id=…, /saisie?type=…), kept in
// bookmarks and e-mails: they lead to the record's page of today, or to the partner's home.
import { isUuid } from "@oess/domain";
import { RECORD_KINDS } from "@oess/domain/vocabulary";
import { recordPath, specOfSlug } from "./record-specs";

/** A record's page from its global ID (base64 of « Kind:uuid »); null when it names none. */
export function pathOfGlobalId(globalId: string | null): string | null {
  if (!globalId) return null;
  const [kind, id] = Buffer.from(globalId, "base64").toString("utf8").split(":");
  const found = RECORD_KINDS.find((k) => k === kind);
  return found && id && isUuid(id) ? recordPath(found, id) : null;
}

/** A permanent redirect, relative: behind a proxy the browser keeps the host it used. */
export const legacyRedirect = (path: string | null): Response => new Response(null, { status: 308, headers: { location: path ?? "/espace-partenaire" } });

/** /saisie?type=emplois → the new form; with &id=…, the record's edit form. */
export function pathOfEntry(type: string | null, globalId: string | null): string | null {
  const record = pathOfGlobalId(globalId);
  if (record) return `${record}/modifier`;
  const spec = type ? specOfSlug(type) : undefined;
  return spec ? `/espace-partenaire/fiches/${spec.slug}/nouvelle` : null;
}
