// A record's history, oldest first: who did what, when, and which fields changed.
import { formatDateTime } from "@oess/domain/format";
import type { RecordSpec } from "../../lib/partner/record-specs";
import { AUDIT_ACTION_LABELS } from "./labels";

interface Event {
  at: string;
  action: string;
  actorName: string | null;
  note: string | null;
  before: unknown;
  after: unknown;
}

const IGNORED = new Set(["version", "updatedAt", "updatedById", "createdAt", "createdById", "seq", "status", "publishedAt", "reviewNote"]);
const asMap = (value: unknown) => new Map<string, unknown>(typeof value === "object" && value !== null ? Object.entries(value) : []);

/** The fields a change touched, « champ : avant → après », named as the form names them. */
function changes(event: Event, spec: RecordSpec): string[] {
  if (!event.before || !event.after) return [];
  const before = asMap(event.before);
  const after = asMap(event.after);
  const label = (key: string) => spec.fields.find((f) => f.name === key)?.label ?? key;
  return [...after.keys()]
    .filter((k) => !IGNORED.has(k) && JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)))
    .map((k) => `${label(k)} : ${String(before.get(k) ?? "—")} → ${String(after.get(k) ?? "—")}`);
}

export function RecordHistory({ events, spec }: { events: readonly Event[]; spec: RecordSpec }) {
  return (
    <section className="panel" aria-labelledby="historique-titre">
      <h2 id="historique-titre">Historique</h2>
      <ol className="history">
        {events.map((e) => (
          <li key={`${e.at}-${e.action}`}>
            <strong>{AUDIT_ACTION_LABELS[e.action] ?? e.action}</strong> par {e.actorName ?? "?"}, le {formatDateTime(e.at)}
            {e.note ? ` — ${e.note}` : ""}
            {changes(e, spec).length > 0 ? (
              <ul>
                {changes(e, spec).map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
