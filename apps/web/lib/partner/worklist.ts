// The worklist as the partner space asks for it: its typed document, and its URL (kind, status,
// organisation, sort and page are query-string parameters, so that every view has a link).
import { RECORD_KINDS, RECORD_STATUSES, type RecordKind, type RecordStatus } from "@oess/domain/vocabulary";
import { graphql, type ResultOf } from "../graphql";
import { specOfKind, specOfSlug } from "./record-specs";

export const WORKLIST = graphql(`
  query Worklist($kinds: [RecordKind!], $statuses: [RecordStatus!], $partnerId: String, $orderBy: WorklistOrder, $descending: Boolean, $offset: Int, $limit: Int) {
    worklist(kinds: $kinds, statuses: $statuses, partnerId: $partnerId, orderBy: $orderBy, descending: $descending, offset: $offset, limit: $limit) {
      totalCount
      offset
      items {
        id
        databaseId
        kind
        label
        status
        version
        ownerPartnerId
        ownerName
        updatedAt
        reviewNote
      }
      groups {
        ownerPartnerId
        ownerName
        kind
        status
        count
      }
    }
  }
`);
export type WorklistData = ResultOf<typeof WORKLIST>["worklist"];

export const PAGE_SIZE = 50;
const ORDERS = { date: "UPDATED_AT", nom: "NAME", type: "KIND", statut: "STATUS", organisation: "ORGANISATION" } as const;
export type OrderWord = keyof typeof ORDERS;
export const STATUS_WORDS: Record<RecordStatus, string> = { DRAFT: "brouillon", SUBMITTED: "soumis", REJECTED: "rejete", PUBLISHED: "publie" };

/** A worklist view, as its URL says it. */
export interface WorklistView {
  kind: RecordKind | null;
  status: RecordStatus | null;
  order: OrderWord;
  descending: boolean;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;
const one = (params: Params, name: string) => {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
};

export function parseWorklistView(params: Params): WorklistView {
  const kindWord = one(params, "type");
  const statusWord = one(params, "statut");
  const order = Object.keys(ORDERS).find((o): o is OrderWord => o === one(params, "tri")) ?? "date";
  const page = Number(one(params, "page") ?? 1);
  return {
    kind: (kindWord && specOfSlug(kindWord)?.kind) || null,
    status: RECORD_STATUSES.find((s) => STATUS_WORDS[s] === statusWord) ?? null,
    order,
    descending: one(params, "ordre") ? one(params, "ordre") === "desc" : order === "date",
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The API's variables for a view; `statuses` is what the page lists when no status is chosen. */
export function worklistVariables(view: WorklistView, statuses: RecordStatus[], partnerId?: string) {
  return {
    kinds: view.kind ? [view.kind] : [...RECORD_KINDS],
    statuses: view.status ? [view.status] : statuses,
    partnerId: partnerId ?? null,
    orderBy: ORDERS[view.order],
    descending: view.descending,
    offset: (view.page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  };
}

/** The URL of a view, changed by `change`; defaults are left out so that links stay short. */
export function worklistHref(path: string, view: WorklistView, change: Partial<WorklistView> = {}): string {
  const next = { ...view, ...change };
  const params = new URLSearchParams();
  if (next.kind) params.set("type", specOfKind(next.kind).slug);
  if (next.status) params.set("statut", STATUS_WORDS[next.status]);
  if (next.order !== "date") params.set("tri", next.order);
  if (next.descending !== (next.order === "date")) params.set("ordre", next.descending ? "desc" : "asc");
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
