// A record's life after its creation: submitted by its organisation, published or rejected with
// a reason by the coordination, deleted while a draft. The same for the four kinds of records.
import { audit } from "./audit";
import { badState, conflict, invalidInput } from "./errors";
import { publicationProblems } from "./publication";
import type { RecordChange, WriteContext } from "./record-writes";
import { type RecordStatus, recordTable, writeAtVersion } from "./records";

const STATUS_WORDS: Record<RecordStatus, string> = { DRAFT: "brouillon", SUBMITTED: "soumise", PUBLISHED: "publiée", REJECTED: "rejetée" };

interface Transition {
  from: readonly RecordStatus[];
  to: RecordStatus;
  action: "SUBMIT" | "PUBLISH" | "REJECT";
}

const SUBMIT: Transition = { from: ["DRAFT", "REJECTED"], to: "SUBMITTED", action: "SUBMIT" };
const PUBLISH: Transition = { from: ["SUBMITTED", "DRAFT"], to: "PUBLISHED", action: "PUBLISH" };
const REJECT: Transition = { from: ["SUBMITTED"], to: "REJECTED", action: "REJECT" };

async function move(ctx: WriteContext, target: RecordChange, version: number, transition: Transition, reason: string | null): Promise<RecordChange> {
  const { kind, record } = target;
  if (!transition.from.includes(record.status)) {
    throw badState(
      `Impossible : cette fiche est ${record.status === "DRAFT" ? "un " : ""}${STATUS_WORDS[record.status]} ; il faut qu'elle soit ${transition.from.map((s) => (s === "DRAFT" ? "un brouillon" : STATUS_WORDS[s])).join(" ou ")}.`,
    );
  }
  return ctx.prisma.$transaction(async (tx) => {
    if (transition.to === "PUBLISHED") {
      const problems = await publicationProblems(tx, kind, record);
      if (problems.length > 0) throw invalidInput(problems, "");
    }
    const userId = ctx.viewer.userId;
    const written = await writeAtVersion(tx, kind, record.id, version, { status: transition.to, reviewNote: reason }, userId);
    await audit(tx, {
      actorId: userId,
      entity: kind,
      entityId: record.id,
      action: transition.action,
      ownerPartnerId: record.ownerPartnerId,
      before: record,
      after: written,
      note: reason,
    });
    return { kind, record: written };
  });
}

/** A draft, or a rejected record corrected, goes to the coordination for review. */
export const submitRecord = (ctx: WriteContext, target: RecordChange, version: number) => move(ctx, target, version, SUBMIT, null);

/** The record reaches the public dashboard, the anonymous API and the open data. */
export const publishRecord = (ctx: WriteContext, target: RecordChange, version: number) => move(ctx, target, version, PUBLISH, null);

/** Back to its organisation, with the reason it is shown. */
export function rejectRecord(ctx: WriteContext, target: RecordChange, version: number, reason: string): Promise<RecordChange> {
  const note = reason.trim();
  if (!note || note.length > 2000) throw invalidInput([{ field: "reason", message: "Donnez la raison du rejet (2 000 caractères au plus)." }], "");
  return move(ctx, target, version, REJECT, note);
}

/** Deletes a draft or rejected record; an enterprise only once nothing refers to it. */
export function deleteRecord(ctx: WriteContext, target: RecordChange, version: number): Promise<RecordChange> {
  const { kind, record } = target;
  if (record.status !== "DRAFT" && record.status !== "REJECTED")
    throw badState(`Impossible : seule une fiche en brouillon ou rejetée peut être supprimée ; celle-ci est ${STATUS_WORDS[record.status]}.`);
  return ctx.prisma.$transaction(async (tx) => {
    if (kind === "Enterprise") {
      const [incubations, jobs, fundings] = await Promise.all([
        tx.incubation.count({ where: { enterpriseId: record.id } }),
        tx.jobRecord.count({ where: { enterpriseId: record.id } }),
        tx.funding.count({ where: { beneficiaryEnterpriseId: record.id } }),
      ]);
      if (incubations + jobs + fundings > 0)
        throw badState("Impossible : des incubations, emplois ou financements se rapportent à cette entreprise ; supprimez-les d'abord.");
    }
    const { count } = await recordTable(tx, kind).deleteMany({ where: { id: record.id, version } });
    if (count === 0) throw conflict(record.version, version);
    await audit(tx, { actorId: ctx.viewer.userId, entity: kind, entityId: record.id, action: "DELETE", ownerPartnerId: record.ownerPartnerId, before: record });
    return { kind, record };
  });
}
