// A page of a worklist: filters (a GET form, so it works without JavaScript), a table sortable by
// its column headers, the position « 1 à 50 sur 137 » and the links to the other pages. Nothing
// is cut without saying so.
import { formatDay, formatInteger } from "@oess/domain/format";
import { RECORD_KIND_LABELS, RECORD_KINDS, RECORD_STATUS_LABELS, type RecordStatus } from "@oess/domain/vocabulary";
import Link from "next/link";
import { submitRecord } from "../../app/espace-partenaire/actions";
import { recordPath, specOfKind } from "../../lib/partner/record-specs";
import { type OrderWord, PAGE_SIZE, STATUS_WORDS, type WorklistData, type WorklistView, worklistHref } from "../../lib/partner/worklist";
import { ScrollRegion } from "../scroll-region";
import { ActionForm } from "./action-form";

const COLUMNS: ReadonlyArray<{ order: OrderWord; label: string; sortLabel: string }> = [
  { order: "nom", label: "Fiche", sortLabel: "nom" },
  { order: "type", label: "Type", sortLabel: "type" },
  { order: "organisation", label: "Organisation", sortLabel: "organisation" },
  { order: "statut", label: "Statut", sortLabel: "statut" },
  { order: "date", label: "Modifiée le", sortLabel: "date de modification (récentes d'abord)" },
];

export function WorklistTable({
  data,
  view,
  path,
  statuses,
  caption,
  canSubmit,
}: {
  data: WorklistData;
  view: WorklistView;
  path: string;
  /** The statuses this list may show, offered as filters. */
  statuses: readonly RecordStatus[];
  caption: string;
  /** Whether the viewer may submit this organisation's drafts. */
  canSubmit: (ownerPartnerId: string) => boolean;
}) {
  const first = data.offset + 1;
  const last = data.offset + data.items.length;
  const pages = Math.max(1, Math.ceil(data.totalCount / PAGE_SIZE));
  const filtered = view.kind !== null || view.status !== null;
  return (
    <>
      <form className="filters-inline" method="get" action={path} aria-label="Filtrer la liste">
        <label>
          Type
          <select name="type" defaultValue={view.kind ? specOfKind(view.kind).slug : ""}>
            <option value="">Tous les types</option>
            {RECORD_KINDS.map((kind) => (
              <option key={kind} value={specOfKind(kind).slug}>
                {RECORD_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        {statuses.length > 1 ? (
          <label>
            Statut
            <select name="statut" defaultValue={view.status ? STATUS_WORDS[view.status] : ""}>
              <option value="">Tous ces statuts</option>
              {statuses.map((status) => (
                <option key={status} value={STATUS_WORDS[status]}>
                  {RECORD_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {/* Also the way to sort on a phone, where a row is a card and the headers are hidden. */}
        <label>
          Trier par
          <select name="tri" defaultValue={view.order}>
            {COLUMNS.map((column) => (
              <option key={column.order} value={column.order}>
                {column.sortLabel}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="secondary">
          Filtrer
        </button>
        {filtered ? <Link href={worklistHref(path, view, { kind: null, status: null, page: 1 })}>Tout afficher</Link> : null}
      </form>
      {data.totalCount === 0 ? (
        <p>{filtered ? "Aucune fiche pour ces filtres." : "Aucune fiche ici : rien n'attend d'action."}</p>
      ) : (
        <>
          <p className="list-position" aria-live="polite">
            {first === last ? `Fiche ${formatInteger(first)}` : `${formatInteger(first)} à ${formatInteger(last)}`} sur {formatInteger(data.totalCount)}
          </p>
          <ScrollRegion label={caption}>
            <table className="worklist">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((column) => {
                    const active = view.order === column.order;
                    const descending = active ? !view.descending : column.order === "date";
                    return (
                      <th key={column.order} scope="col" aria-sort={active ? (view.descending ? "descending" : "ascending") : undefined}>
                        <Link href={worklistHref(path, view, { order: column.order, descending, page: 1 })}>
                          {column.label}
                          <span aria-hidden="true">{active ? (view.descending ? " ▼" : " ▲") : ""}</span>
                          <span className="visually-hidden">{`, trier ${descending ? "par ordre décroissant" : "par ordre croissant"}`}</span>
                        </Link>
                      </th>
                    );
                  })}
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link href={recordPath(item.kind, item.databaseId)}>{item.label}</Link>
                    </th>
                    <td data-label="Type">{RECORD_KIND_LABELS[item.kind]}</td>
                    <td data-label="Organisation">{item.ownerName}</td>
                    <td data-label="Statut">
                      <span className={`status status--${item.status.toLowerCase()}`}>{RECORD_STATUS_LABELS[item.status]}</span>
                      {item.reviewNote ? <p className="review-note">Raison du rejet : {item.reviewNote}</p> : null}
                    </td>
                    <td data-label="Modifiée le">{formatDay(item.updatedAt)}</td>
                    <td>
                      {(item.status === "DRAFT" || item.status === "REJECTED") && canSubmit(item.ownerPartnerId) ? (
                        <ActionForm action={submitRecord} hidden={{ id: item.id, version: item.version }} submit="Soumettre" className="inline-action" />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          {pages > 1 ? (
            <nav className="pager" aria-label="Pages de la liste">
              {view.page > 1 ? <Link href={worklistHref(path, view, { page: view.page - 1 })}>← Page précédente</Link> : null}
              <span>
                Page {view.page} sur {pages}
              </span>
              {view.page < pages ? <Link href={worklistHref(path, view, { page: view.page + 1 })}>Page suivante →</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
