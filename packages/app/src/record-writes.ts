// Creating and changing a record, the same for the four kinds: the form is normalised, checked
// field by field by the domain's rules (French messages a form can show next to each field), its
// references checked, then written with its audit event in one transaction, at the version the
// caller read.
import { Prisma, type PrismaClient } from "@oess/db";
import type { FieldProblem, Territory } from "@oess/domain";
import { RECORD_KIND_LABELS } from "@oess/domain";
import { audit } from "./audit";
import { invalidInput, refused } from "./errors";
import { canChange, type RecordKind, recordTable, type StoredRecord, writeAtVersion } from "./records";
import type { Viewer } from "./viewer";

/** What a write needs: the database, the territory and who is writing. */
export interface WriteContext {
  prisma: PrismaClient;
  territory: Territory;
  viewer: Viewer;
}

export type Tx = Prisma.TransactionClient;

/** A record after a write. */
export interface RecordChange {
  kind: RecordKind;
  record: StoredRecord;
}

/** How one kind of record is read from a form (its domain input, as typed), checked and stored. */
export interface RecordRules<Input> {
  kind: RecordKind;
  /** Trims text, normalises identifiers, turns empty strings into nulls. */
  normalize: (form: Input) => Input;
  problems: (input: Input, ctx: WriteContext) => FieldProblem[];
  /** Problems with the records the input points to: they must exist and be visible to the writer. */
  references: (tx: Tx, ctx: WriteContext, input: Input) => Promise<FieldProblem[]>;
  /** The row's columns. */
  data: (input: Input) => Record<string, unknown>;
  /** The field to blame when a unique key is already taken, and what to say. */
  duplicate: FieldProblem;
}

async function checked<Input>(tx: Tx, ctx: WriteContext, rules: RecordRules<Input>, form: Input): Promise<Input> {
  const input = rules.normalize(form);
  const problems = [...rules.problems(input, ctx), ...(await rules.references(tx, ctx, input))];
  if (problems.length > 0) throw invalidInput(problems);
  return input;
}

/** Database refusals that are the input's fault, said as input problems. */
function inputFault(error: unknown, duplicate: FieldProblem): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw invalidInput([duplicate]);
  throw error;
}

/** A new record of the organisation, as a draft. */
export function createRecord<Input>(ctx: WriteContext, rules: RecordRules<Input>, partnerId: string, form: Input): Promise<RecordChange> {
  const userId = ctx.viewer.userId;
  return ctx.prisma
    .$transaction(async (tx) => {
      const input = await checked(tx, ctx, rules, form);
      const created = await recordTable(tx, rules.kind).create({
        data: { ...rules.data(input), ownerPartnerId: partnerId, status: "DRAFT", createdById: userId, updatedById: userId },
      });
      await audit(tx, { actorId: userId, entity: rules.kind, entityId: created.id, action: "CREATE", ownerPartnerId: partnerId, after: created });
      return { kind: rules.kind, record: created };
    })
    .catch((error) => inputFault(error, rules.duplicate));
}

/** The record's fields as they should now be, if it is still at `version`. */
export function updateRecord<Input>(ctx: WriteContext, rules: RecordRules<Input>, target: RecordChange, version: number, form: Input): Promise<RecordChange> {
  const { kind, record } = target;
  if (kind !== rules.kind) throw invalidInput([{ field: "id", message: `Cet identifiant désigne un autre type de fiche (${RECORD_KIND_LABELS[kind]}).` }], "");
  if (!canChange(ctx.viewer, record)) throw refused("Cette fiche est soumise ou publiée : seule la coordination du PTCE peut encore la modifier.");
  const userId = ctx.viewer.userId;
  return ctx.prisma
    .$transaction(async (tx) => {
      const input = await checked(tx, ctx, rules, form);
      const written = await writeAtVersion(tx, kind, record.id, version, rules.data(input), userId);
      await audit(tx, {
        actorId: userId,
        entity: kind,
        entityId: record.id,
        action: "UPDATE",
        ownerPartnerId: record.ownerPartnerId,
        before: record,
        after: written,
      });
      return { kind, record: written };
    })
    .catch((error) => inputFault(error, rules.duplicate));
}
