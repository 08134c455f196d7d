// Creating and editing records: one input type per kind, checked field by field by the domain's
// rules (French messages a form can show next to each field), then written with its audit event
// in one transaction. Dates and amounts are strings here, so that a malformed one is reported on
// its field rather than rejected wholesale by GraphQL.
import { Prisma } from "@oess/db";
import {
  type EnterpriseInput,
  enterpriseProblems,
  type FieldProblem,
  type FundingInput,
  fundingProblems,
  type IncubationInput,
  incubationProblems,
  isUuid,
  type JobRecordInput,
  jobRecordProblems,
  nafSection,
  normalizeDecimal,
  normalizeIdentifier,
} from "@oess/domain";
import type { InputRef } from "@pothos/core";
import { builder, type Context } from "../builder";
import { audit } from "../collab/audit";
import { invalidInput, refused } from "../collab/errors";
import { fundingRow, isoDate } from "../collab/funding-row";
import { canChange, canSee, RECORD_LABELS, type RecordKind, recordTable, type StoredRecord, writeAtVersion } from "../collab/records";
import { AidNature, CooperativeKind, FundingInstrument, IncubationOutcome, LegalFamily } from "./enums";
import { RecordChangeRef, target } from "./workflow";

const EnterpriseInputRef = builder.inputType("EnterpriseInput", {
  description: "An ESS enterprise as a partner records it.",
  fields: (t) => ({
    name: t.string({ required: true, description: "Name (raison sociale)." }),
    siret: t.string({ description: "SIRET, 14 digits (spaces allowed); checked with its Luhn key." }),
    rna: t.string({ description: "RNA number of an association: W and 9 digits." }),
    legalFamily: t.field({ type: LegalFamily, required: true, description: "Legal family." }),
    cooperativeKind: t.field({ type: CooperativeKind, description: "Kind of cooperative (cooperatives only)." }),
    nafCode: t.string({ required: true, description: "NAF rév. 2 subclass, e.g. 88.99B." }),
    communeCode: t.string({ required: true, description: "INSEE code of a commune of the territory." }),
    foundedOn: t.string({ description: "Creation date, YYYY-MM-DD; empty for a project." }),
    ceasedOn: t.string({ description: "Cessation date, YYYY-MM-DD." }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

const IncubationInputRef = builder.inputType("IncubationInput", {
  description: "An incubation: an enterprise project accompanied by a partner.",
  fields: (t) => ({
    enterpriseId: t.string({ required: true, description: "Enterprise UUID (`Enterprise.databaseId`)." }),
    supportingPartnerId: t.string({ required: true, description: "UUID of the partner that accompanies the project." }),
    startDate: t.string({ required: true, description: "Start, YYYY-MM-DD." }),
    endDate: t.string({ description: "End, YYYY-MM-DD (not for an incubation in progress)." }),
    outcome: t.field({ type: IncubationOutcome, required: true, description: "Outcome." }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

const JobRecordInputRef = builder.inputType("JobRecordInput", {
  description: "Jobs created by one enterprise in one year.",
  fields: (t) => ({
    enterpriseId: t.string({ required: true, description: "Enterprise UUID." }),
    year: t.int({ required: true, description: "Year." }),
    jobsCreated: t.int({ required: true, description: "Jobs created (headcount)." }),
    fte: t.string({ required: true, description: 'Full-time equivalents, e.g. "2.5".' }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

const FundingInputRef = builder.inputType("FundingInput", {
  description: "A funding from a partner, with the fields the SCDL « Subventions » needs.",
  fields: (t) => ({
    funderId: t.string({ required: true, description: "UUID of the funding partner." }),
    beneficiaryEnterpriseId: t.string({ description: "UUID of the beneficiary enterprise (or give a beneficiary partner)." }),
    beneficiaryPartnerId: t.string({ description: "UUID of the beneficiary partner." }),
    amount: t.string({ required: true, description: 'Euros, e.g. "15000.50".' }),
    year: t.int({ required: true, description: "Budget year." }),
    decisionDate: t.string({ required: true, description: "Decision date, YYYY-MM-DD." }),
    instrument: t.field({ type: FundingInstrument, required: true, description: "Instrument." }),
    purpose: t.string({ required: true, description: "Purpose (objet), under 256 characters." }),
    decisionReference: t.string({ description: "Reference of the decision or convention: the funding's natural key with the funder and beneficiary." }),
    conventionDate: t.string({ description: "Convention date, YYYY-MM-DD (required to publish a public body's grant)." }),
    aidNature: t.field({ type: AidNature, description: "Cash, in kind, or both (default cash)." }),
    paymentTerms: t.string({ description: "Payment terms, e.g. « unique » (default), « échelonné »." }),
    paymentStart: t.string({ description: "First payment, YYYY-MM-DD." }),
    paymentEnd: t.string({ description: "Last payment, YYYY-MM-DD." }),
    fundingShare: t.string({ description: 'Share of the grant for this beneficiary, 0.01 to 1 (e.g. "0.5").' }),
    euNotification: t.boolean({ description: "Notified to the European Union as State aid." }),
    aidScheme: t.string({ description: "Aid scheme (dispositif)." }),
    raeId: t.string({ description: "RAE identifier (5 characters at most)." }),
    source: t.string({ required: true, description: "Where the figures come from." }),
    dataYear: t.int({ required: true, description: "Data year (millésime)." }),
  }),
});

type Tx = Prisma.TransactionClient;
const text = (value: string | null | undefined): string | null => (value == null || value.trim() === "" ? null : value.trim());
const identifier = (value: string | null | undefined): string | null => (text(value) === null ? null : normalizeIdentifier(value as string));

/** Problems with the records an input points to: they must exist and be visible to the caller. */
async function enterpriseRef(tx: Tx, ctx: Context, id: string | null | undefined, field: string): Promise<FieldProblem[]> {
  if (id == null) return [];
  const enterprise = isUuid(id) ? await tx.enterprise.findUnique({ where: { id }, select: { status: true, ownerPartnerId: true } }) : null;
  return enterprise && canSee(ctx.viewer, enterprise) ? [] : [{ field, message: "Entreprise introuvable : choisissez-en une de la liste." }];
}
async function partnerRef(tx: Tx, id: string | null | undefined, field: string): Promise<FieldProblem[]> {
  if (id == null) return [];
  const partner = isUuid(id) ? await tx.partner.findUnique({ where: { id }, select: { id: true } }) : null;
  return partner ? [] : [{ field, message: "Partenaire introuvable : choisissez-en un de la liste." }];
}

interface KindSpec<Raw, Input> {
  kind: RecordKind;
  inputRef: InputRef<Raw>;
  /** Trims text, normalises identifiers, turns empty strings into nulls. */
  normalize: (raw: Raw) => Input;
  problems: (input: Input, ctx: Context) => FieldProblem[];
  references: (tx: Tx, ctx: Context, input: Input) => Promise<FieldProblem[]>;
  data: (input: Input) => Record<string, unknown>;
  /** The field to blame when a unique key is already taken, and what to say. */
  duplicate: FieldProblem;
}

/** Database refusals that are the input's fault, said as input problems. */
function inputFault(error: unknown, duplicate: FieldProblem): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw invalidInput([duplicate]);
  throw error;
}

interface CreateArgs<Raw> {
  partnerId: string;
  input: Raw;
}
interface UpdateArgs<Raw> {
  id: string;
  version: number;
  input: Raw;
}

function recordMutations<Raw, Input>(spec: KindSpec<Raw, Input>) {
  const label = RECORD_LABELS[spec.kind];
  const check = async (tx: Tx, ctx: Context, raw: Raw) => {
    const input = spec.normalize(raw);
    const problems = [...spec.problems(input, ctx), ...(await spec.references(tx, ctx, input))];
    if (problems.length > 0) throw invalidInput(problems);
    return input;
  };

  builder.mutationField(`create${spec.kind}`, (t) =>
    t.field({
      type: RecordChangeRef,
      description: `Records a new ${spec.kind} (« ${label} ») for a partner organisation, as a draft. Editors of that organisation, or admins.`,
      args: {
        partnerId: t.arg.string({ required: true, description: "UUID of the organisation that records it (owns it)." }),
        input: t.arg({ type: spec.inputRef, required: true, description: "The record's fields." }),
      },
      // Generic arguments defeat Pothos' inference here; their shape is the one declared just above.
      authScopes: (_root, args) => ({ editorOf: (args as unknown as CreateArgs<Raw>).partnerId }),
      resolve: (_root, rawArgs, ctx) => {
        const args = rawArgs as unknown as CreateArgs<Raw>;
        return ctx.prisma
          .$transaction(async (tx) => {
            const input = await check(tx, ctx, args.input as Raw);
            const userId = ctx.viewer?.userId as string;
            const created = await recordTable(tx, spec.kind).create({
              data: { ...spec.data(input), ownerPartnerId: args.partnerId, status: "DRAFT", createdById: userId, updatedById: userId },
            });
            await audit(tx, { actorId: userId, entity: spec.kind, entityId: created.id, action: "CREATE", ownerPartnerId: args.partnerId, after: created });
            return { kind: spec.kind, record: created };
          })
          .catch((error) => inputFault(error, spec.duplicate));
      },
    }),
  );

  builder.mutationField(`update${spec.kind}`, (t) =>
    t.field({
      type: RecordChangeRef,
      description: `Changes a ${spec.kind}. Quote the version you read: if someone changed it since, you get a CONFLICT error naming the current version. Editors of the owning organisation while it is a draft or rejected; admins at any time.`,
      args: {
        id: t.arg.id({ required: true, description: "Global ID of the record." }),
        version: t.arg.int({ required: true, description: "The version you read." }),
        input: t.arg({ type: spec.inputRef, required: true, description: "All the record's fields, as they should now be." }),
      },
      authScopes: async (_root, args, ctx) => {
        if (!ctx.viewer) return false;
        const { record } = await target(ctx, String((args as unknown as UpdateArgs<Raw>).id));
        return { coordinator: true, editorOf: record.ownerPartnerId };
      },
      resolve: async (_root, rawArgs, ctx) => {
        const args = rawArgs as unknown as UpdateArgs<Raw>;
        const { kind, record } = await target(ctx, String(args.id));
        if (kind !== spec.kind) throw invalidInput([{ field: "id", message: `Cet identifiant désigne un autre type de record (${RECORD_LABELS[kind]}).` }], "");
        if (!canChange(ctx.viewer, record)) throw refused("Ce record est soumis ou publié : seule la coordination du PTCE peut encore le modifier.");
        return ctx.prisma
          .$transaction(async (tx) => {
            const input = await check(tx, ctx, args.input as Raw);
            const userId = ctx.viewer?.userId as string;
            const written: StoredRecord = await writeAtVersion(tx, kind, record.id, args.version, spec.data(input), userId);
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
          .catch((error) => inputFault(error, spec.duplicate));
      },
    }),
  );
}

recordMutations({
  kind: "Enterprise",
  inputRef: EnterpriseInputRef,
  normalize: (raw): EnterpriseInput => ({
    name: raw.name.trim(),
    siret: identifier(raw.siret),
    rna: identifier(raw.rna),
    legalFamily: raw.legalFamily,
    cooperativeKind: raw.cooperativeKind ?? null,
    nafCode: raw.nafCode.trim().toUpperCase(),
    communeCode: raw.communeCode.trim(),
    foundedOn: text(raw.foundedOn),
    ceasedOn: text(raw.ceasedOn),
    source: raw.source.trim(),
    dataYear: raw.dataYear,
  }),
  problems: (input, ctx) => enterpriseProblems(input, (code) => ctx.territory.communes.some((c) => c.code === code)),
  references: async () => [],
  data: (input) => ({ ...input, nafSection: nafSection(input.nafCode), foundedOn: isoDate(input.foundedOn), ceasedOn: isoDate(input.ceasedOn) }),
  duplicate: { field: "siret", message: "Une entreprise avec ce SIRET ou ce numéro RNA existe déjà." },
});

recordMutations({
  kind: "Incubation",
  inputRef: IncubationInputRef,
  normalize: (raw): IncubationInput => ({ ...raw, startDate: raw.startDate.trim(), endDate: text(raw.endDate), source: raw.source.trim() }),
  problems: (input) => incubationProblems(input),
  references: async (tx, ctx, input) => [
    ...(await enterpriseRef(tx, ctx, input.enterpriseId, "enterpriseId")),
    ...(await partnerRef(tx, input.supportingPartnerId, "supportingPartnerId")),
  ],
  data: (input) => ({ ...input, startDate: isoDate(input.startDate), endDate: isoDate(input.endDate) }),
  duplicate: { field: "startDate", message: "Cette incubation existe déjà." },
});

recordMutations({
  kind: "JobRecord",
  inputRef: JobRecordInputRef,
  normalize: (raw): JobRecordInput => ({ ...raw, fte: normalizeDecimal(raw.fte), source: raw.source.trim() }),
  problems: (input) => jobRecordProblems(input),
  references: (tx, ctx, input) => enterpriseRef(tx, ctx, input.enterpriseId, "enterpriseId"),
  data: (input) => ({ ...input }),
  duplicate: { field: "year", message: "Les emplois de cette entreprise pour cette année sont déjà saisis : modifiez-les plutôt." },
});

recordMutations({
  kind: "Funding",
  inputRef: FundingInputRef,
  normalize: (raw): FundingInput => ({
    ...raw,
    beneficiaryEnterpriseId: text(raw.beneficiaryEnterpriseId),
    beneficiaryPartnerId: text(raw.beneficiaryPartnerId),
    amount: normalizeDecimal(raw.amount),
    decisionDate: raw.decisionDate.trim(),
    purpose: raw.purpose.trim(),
    decisionReference: text(raw.decisionReference),
    conventionDate: text(raw.conventionDate),
    paymentTerms: text(raw.paymentTerms),
    paymentStart: text(raw.paymentStart),
    paymentEnd: text(raw.paymentEnd),
    fundingShare: text(raw.fundingShare) === null ? null : normalizeDecimal(raw.fundingShare as string),
    aidScheme: text(raw.aidScheme),
    raeId: text(raw.raeId),
    source: raw.source.trim(),
  }),
  problems: (input) => fundingProblems(input),
  references: async (tx, ctx, input) => [
    ...(await partnerRef(tx, input.funderId, "funderId")),
    ...(await enterpriseRef(tx, ctx, input.beneficiaryEnterpriseId, "beneficiaryEnterpriseId")),
    ...(await partnerRef(tx, input.beneficiaryPartnerId, "beneficiaryPartnerId")),
  ],
  data: fundingRow,
  duplicate: { field: "decisionReference", message: "Ce financement existe déjà : même financeur, même référence de décision, même bénéficiaire." },
});
