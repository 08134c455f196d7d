// Review at the scale of an import: an organisation submits all its drafts at once, and the
// coordination publishes all that an organisation submitted — except the records that may not
// be published yet (an unpublished enterprise, a grant the SCDL could not export), which stay
// submitted and are counted.
import { Prisma } from "@oess/db";
import { isUuid } from "@oess/domain";
import type { AuditEntry } from "./audit";
import { insertAuditEvents } from "./bulk-write";
import { notFound } from "./errors";
import type { WriteContext } from "./record-writes";

const TABLES = [
  ["Enterprise", "enterprise", Prisma.sql`TRUE`],
  ["Incubation", "incubation", Prisma.sql`r.enterprise_id IN (SELECT id FROM enterprise WHERE status = 'PUBLISHED')`],
  ["JobRecord", "job_record", Prisma.sql`r.enterprise_id IN (SELECT id FROM enterprise WHERE status = 'PUBLISHED')`],
  [
    "Funding",
    "funding",
    // The rules of the SCDL trigger (migration 0005) and of publicationProblems, as one condition.
    Prisma.sql`(r.beneficiary_enterprise_id IS NULL OR r.beneficiary_enterprise_id IN (SELECT id FROM enterprise WHERE status = 'PUBLISHED'))
      AND NOT (r.instrument = 'GRANT' AND (SELECT is_public_body FROM partner WHERE id = r.funder_id) AND (
        r.convention_date IS NULL OR r.amount <= 0 OR btrim(r.payment_terms) = '' OR length(r.payment_terms) >= 256
        OR NOT coalesce((SELECT e.siret IS NOT NULL OR e.rna IS NOT NULL FROM enterprise e WHERE e.id = r.beneficiary_enterprise_id),
                        (SELECT p.siret IS NOT NULL FROM partner p WHERE p.id = r.beneficiary_partner_id), false)))`,
  ],
] as const;

export interface BulkResult {
  changed: number;
  remaining: number;
}

async function bulkStep(
  prisma: Prisma.TransactionClient,
  actorId: string,
  partnerId: string,
  from: "DRAFT" | "SUBMITTED",
  to: "SUBMITTED" | "PUBLISHED",
): Promise<BulkResult> {
  const events: AuditEntry[] = [];
  let remaining = 0;
  for (const [kind, table, allowed] of TABLES) {
    const condition = to === "PUBLISHED" ? allowed : Prisma.sql`TRUE`;
    const rows = await prisma.$queryRaw<Array<{ id: string; version: number }>>`
      UPDATE ${Prisma.raw(`"${table}"`)} AS r SET status = ${to}::"RecordStatus", version = r.version + 1, updated_by_id = ${actorId}::uuid, updated_at = now(), review_note = NULL
      WHERE r.owner_partner_id = ${partnerId}::uuid AND r.status = ${from}::"RecordStatus" AND ${condition}
      RETURNING r.id::text AS id, r.version`;
    for (const row of rows)
      events.push({
        actorId,
        entity: kind,
        entityId: row.id,
        action: to === "PUBLISHED" ? "PUBLISH" : "SUBMIT",
        ownerPartnerId: partnerId,
        before: { status: from },
        after: { status: to, version: row.version },
      });
    const [left] = await prisma.$queryRaw<
      Array<{ n: number }>
    >`SELECT count(*)::int AS n FROM ${Prisma.raw(`"${table}"`)} WHERE owner_partner_id = ${partnerId}::uuid AND status = ${from}::"RecordStatus"`;
    remaining += left?.n ?? 0;
  }
  await insertAuditEvents(prisma, events);
  return { changed: events.length, remaining };
}

async function bulkReview(ctx: WriteContext, partnerId: string, from: "DRAFT" | "SUBMITTED", to: "SUBMITTED" | "PUBLISHED"): Promise<BulkResult> {
  if (!isUuid(partnerId) || !(await ctx.prisma.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) throw notFound("Partenaire");
  return ctx.prisma.$transaction((tx) => bulkStep(tx, ctx.viewer.userId, partnerId, from, to), { timeout: 120_000 });
}

/** Every draft of the organisation, submitted for review (e.g. after an import). */
export const submitAllDrafts = (ctx: WriteContext, partnerId: string) => bulkReview(ctx, partnerId, "DRAFT", "SUBMITTED");

/** Everything the organisation submitted that may be published; the rest stays submitted and is counted. */
export const publishAllSubmitted = (ctx: WriteContext, partnerId: string) => bulkReview(ctx, partnerId, "SUBMITTED", "PUBLISHED");
