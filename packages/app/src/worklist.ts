// What a partner must act on, across the four kinds of records: one list, filtered, sorted and
// paged by the database, with the totals by organisation, kind and status that its pages need.
// Members see their organisations' records; the PTCE's coordination sees every organisation's.
import { Prisma, type PrismaClient } from "@oess/db";
import { formatExactEuros, isUuid, type RecordKind, type RecordStatus } from "@oess/domain";
import { invalidInput } from "./errors";
import { publicationProblems } from "./publication";
import { recordTable } from "./records";
import { isCoordinator, type Viewer } from "./viewer";

export const WORKLIST_ORDERS = ["UPDATED_AT", "NAME", "KIND", "STATUS", "ORGANISATION"] as const;
type WorklistOrder = (typeof WORKLIST_ORDERS)[number];

export interface WorklistQuery {
  kinds?: readonly RecordKind[] | null;
  statuses?: readonly RecordStatus[] | null;
  partnerId?: string | null;
  orderBy?: WorklistOrder | null;
  descending?: boolean | null;
  offset?: number | null;
  limit?: number | null;
}

export interface WorkItem {
  kind: RecordKind;
  id: string;
  version: number;
  status: RecordStatus;
  ownerPartnerId: string;
  ownerName: string;
  updatedAt: Date;
  reviewNote: string | null;
  label: string;
}

export interface WorklistGroup {
  ownerPartnerId: string;
  ownerName: string;
  kind: RecordKind;
  status: RecordStatus;
  count: number;
}

export interface Worklist {
  items: WorkItem[];
  totalCount: number;
  offset: number;
  groups: WorklistGroup[];
}

export const WORKLIST_MAX_LIMIT = 200;
const UNPUBLISHED: readonly RecordStatus[] = ["DRAFT", "SUBMITTED", "REJECTED"];

// Each kind's rows in one shape: `name` is what the list sorts by, `detail` what tells a row apart.
const ROWS = Prisma.sql`
  SELECT 'Enterprise' AS kind, r.id, r.version, r.status::text AS status, r.owner_partner_id, r.updated_at, r.review_note,
         r.name, NULL::text AS detail, NULL::numeric AS amount
    FROM enterprise r
  UNION ALL
  SELECT 'Incubation', r.id, r.version, r.status::text, r.owner_partner_id, r.updated_at, r.review_note,
         e.name, to_char(r.start_date, 'DD/MM/YYYY'), NULL
    FROM incubation r JOIN enterprise e ON e.id = r.enterprise_id
  UNION ALL
  SELECT 'JobRecord', r.id, r.version, r.status::text, r.owner_partner_id, r.updated_at, r.review_note,
         e.name, r.jobs_created || ' emploi' || CASE WHEN r.jobs_created > 1 THEN 's' ELSE '' END || ' en ' || r.year, NULL
    FROM job_record r JOIN enterprise e ON e.id = r.enterprise_id
  UNION ALL
  SELECT 'Funding', r.id, r.version, r.status::text, r.owner_partner_id, r.updated_at, r.review_note,
         coalesce(e.name, b.short_name, ''), f.short_name || ', ' || r.year, r.amount
    FROM funding r JOIN partner f ON f.id = r.funder_id
    LEFT JOIN enterprise e ON e.id = r.beneficiary_enterprise_id LEFT JOIN partner b ON b.id = r.beneficiary_partner_id`;

const ORDER_COLUMNS: Record<WorklistOrder, Prisma.Sql> = {
  UPDATED_AT: Prisma.sql`w.updated_at`,
  NAME: Prisma.sql`lower(w.name)`,
  KIND: Prisma.sql`w.kind`,
  STATUS: Prisma.sql`w.status`,
  ORGANISATION: Prisma.sql`lower(p.short_name)`,
};

/** A row in words, as the lists show it: « Nom — 3 emplois en 2024 ». */
function label(kind: RecordKind, name: string, detail: string | null, amount: Prisma.Decimal | null): string {
  if (kind === "Enterprise") return name;
  if (kind === "Incubation") return `${name} — incubation depuis le ${detail}`;
  if (kind === "JobRecord") return `${name} — ${detail}`;
  return `${name || "Bénéficiaire non précisé"} — ${formatExactEuros(amount?.toFixed() ?? "0")} (${detail})`;
}

export async function worklist(prisma: PrismaClient, viewer: Viewer, query: WorklistQuery): Promise<Worklist> {
  const statuses = query.statuses?.length ? query.statuses : UNPUBLISHED;
  const limit = query.limit ?? 50;
  const offset = query.offset ?? 0;
  const problems = [
    ...(Number.isInteger(limit) && limit >= 1 && limit <= WORKLIST_MAX_LIMIT ? [] : [{ field: "limit", message: `entre 1 et ${WORKLIST_MAX_LIMIT}` }]),
    ...(Number.isInteger(offset) && offset >= 0 ? [] : [{ field: "offset", message: "un entier positif ou nul" }]),
  ];
  if (problems.length > 0) throw invalidInput(problems, "");
  const conditions = [Prisma.sql`w.status = ANY(${[...statuses]}::text[])`];
  if (query.kinds?.length) conditions.push(Prisma.sql`w.kind = ANY(${[...query.kinds]}::text[])`);
  if (query.partnerId) conditions.push(isUuid(query.partnerId) ? Prisma.sql`w.owner_partner_id = ${query.partnerId}::uuid` : Prisma.sql`FALSE`);
  if (!isCoordinator(viewer)) conditions.push(Prisma.sql`w.owner_partner_id = ANY(${viewer.memberships.map((m) => m.partnerId)}::uuid[])`);
  const where = Prisma.join(conditions, " AND ");
  const orderBy = query.orderBy ?? "UPDATED_AT";
  const direction = Prisma.raw((query.descending ?? orderBy === "UPDATED_AT") ? "DESC" : "ASC");
  const order = ORDER_COLUMNS[orderBy];

  const [rows, groups] = await Promise.all([
    prisma.$queryRaw<
      Array<{
        kind: RecordKind;
        id: string;
        version: number;
        status: RecordStatus;
        owner_partner_id: string;
        owner_name: string;
        updated_at: Date;
        review_note: string | null;
        name: string;
        detail: string | null;
        amount: Prisma.Decimal | null;
      }>
    >`SELECT w.kind, w.id::text AS id, w.version, w.status, w.owner_partner_id::text AS owner_partner_id, p.short_name AS owner_name,
             w.updated_at, w.review_note, w.name, w.detail, w.amount
        FROM (${ROWS}) w JOIN partner p ON p.id = w.owner_partner_id
       WHERE ${where}
       ORDER BY ${order} ${direction}, w.id
       LIMIT ${limit} OFFSET ${offset}`,
    prisma.$queryRaw<Array<{ owner_partner_id: string; owner_name: string; kind: RecordKind; status: RecordStatus; count: number }>>`
      SELECT w.owner_partner_id::text AS owner_partner_id, p.short_name AS owner_name, w.kind, w.status, count(*)::int AS count
        FROM (${ROWS}) w JOIN partner p ON p.id = w.owner_partner_id
       WHERE ${where}
       GROUP BY 1, 2, 3, 4 ORDER BY lower(p.short_name), w.kind, w.status`,
  ]);
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      id: r.id,
      version: r.version,
      status: r.status,
      ownerPartnerId: r.owner_partner_id,
      ownerName: r.owner_name,
      updatedAt: r.updated_at,
      reviewNote: r.status === "REJECTED" ? r.review_note : null,
      label: label(r.kind, r.name, r.detail, r.amount),
    })),
    totalCount: groups.reduce((n, g) => n + g.count, 0),
    offset,
    groups: groups.map((g) => ({ ownerPartnerId: g.owner_partner_id, ownerName: g.owner_name, kind: g.kind, status: g.status, count: g.count })),
  };
}

/**
 * Why a record listed would stay submitted if its organisation's submissions were all published
 * (« Tout publier »), in French; empty when it would be published. That step publishes the
 * organisation's submitted enterprises first, so what waits only for one of them goes with it.
 */
export async function whyNotPublishable(prisma: PrismaClient, item: Pick<WorkItem, "kind" | "id">): Promise<string[]> {
  const record = await recordTable(prisma, item.kind).findUnique({ where: { id: item.id } });
  if (!record) return [];
  const enterpriseId = record.enterpriseId ?? record.beneficiaryEnterpriseId;
  const enterprise =
    typeof enterpriseId === "string"
      ? await prisma.enterprise.findUnique({ where: { id: enterpriseId }, select: { status: true, ownerPartnerId: true } })
      : null;
  const publishedWithIt = enterprise?.status === "SUBMITTED" && enterprise.ownerPartnerId === record.ownerPartnerId;
  return (await publicationProblems(prisma, item.kind, record))
    .filter((p) => !(publishedWithIt && (p.field === "enterpriseId" || p.field === "beneficiaryEnterpriseId")))
    .map((p) => p.message);
}
