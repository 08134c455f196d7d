// What an import would do, row by row, before anything is written: create, update or leave each
// record (matched on its natural key), or say precisely why a row cannot be taken.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@oess/db";
import {
  AID_NATURE_SCDL,
  type AidNature,
  type FieldProblem,
  FUNDING_INSTRUMENT_LABELS,
  formatDate,
  formatExactDecimal,
  formatExactEuros,
  fundingProblems,
  IMPORT_COLUMNS,
  type ImportKind,
  isIsoDate,
  jobRecordProblems,
} from "@oess/domain";
import type { AuditEntry } from "../audit";
import { insertAuditEvents, insertRecords } from "../bulk-write";
import { fundingRow } from "../funding-row";
import { canChange, canSee, type RecordKind, type StoredRecord, writeAtVersion } from "../records";
import type { Viewer } from "../viewer";
import { Cells, FUNDING_COLUMNS, JOB_COLUMNS, missingColumns } from "./columns";

export type { ImportKind };

import type { Table } from "./read-table";

const IMPORT_RECORD: Record<ImportKind, RecordKind> = { JOBS: "JobRecord", FUNDINGS: "Funding" };

export interface ImportProblem {
  line: number;
  column: string;
  message: string;
}

interface PlannedRow {
  line: number;
  action: "CREATE" | "UPDATE" | "UNCHANGED";
  data: Record<string, unknown>;
  existing?: StoredRecord;
}

/** A column's value as the import understood it, in French; `defaulted` when the file left it out. */
export interface PreviewValue {
  column: string;
  value: string;
  defaulted: boolean;
}

/** The enterprise a row was matched to, by its SIRET or RNA. */
export interface MatchedEnterprise {
  id: string;
  name: string;
  siret: string | null;
  rna: string | null;
  communeName: string;
}

/** A row of the file as the partner checks it before importing. */
export interface PreviewRow {
  line: number;
  action: PlannedRow["action"] | "INVALID";
  values: PreviewValue[];
  enterprise: MatchedEnterprise | null;
}

export interface ImportPlan {
  kind: ImportKind;
  rowCount: number;
  rows: PlannedRow[];
  problems: ImportProblem[];
  preview: PreviewRow[];
  /** Rows left out as not the organisation's (an SCDL file's other attribuants). */
  ignored?: number;
}

export interface PlanContext {
  prisma: PrismaClient;
  viewer: Viewer;
  partnerId: string;
  source: string;
}

const canon = (value: unknown): string => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value == null || value === "") return "";
  if (typeof value === "object" || (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))) return String(Number(value));
  return String(value);
};
const sameValues = (existing: StoredRecord, data: Record<string, unknown>) => Object.keys(data).every((k) => canon(existing[k]) === canon(data[k]));

/**
 * Turns field problems of the domain into problems of the file's columns, leaving out the
 * columns already blamed while reading (one problem a cell). When the file has no data year
 * (millésime), it is the row's year: a problem with it is already said on that year.
 */
function onColumns(
  line: number,
  problems: readonly FieldProblem[],
  fieldColumn: Record<string, string>,
  blamed: readonly ImportProblem[],
  dataYearGiven: boolean,
) {
  const columns = new Set(blamed.map((p) => p.column));
  return problems
    .filter((p) => dataYearGiven || p.field !== "dataYear")
    .map((p) => ({ line, column: fieldColumn[p.field] ?? p.field, message: p.message }))
    .filter((p) => !columns.has(p.column));
}

/** Decides, for a row whose key matched an existing record, whether it may be updated. */
function matched(ctx: PlanContext, line: number, existing: StoredRecord | undefined, data: Record<string, unknown>, what: string): PlannedRow | ImportProblem {
  if (!existing) return { line, action: "CREATE", data };
  if (sameValues(existing, data)) return { line, action: "UNCHANGED", data, existing };
  if (existing.ownerPartnerId !== ctx.partnerId || !canChange(ctx.viewer, existing)) {
    return {
      line,
      column: "",
      message: `${what} existe déjà, avec d'autres valeurs, et il est soumis, publié ou d'une autre organisation : demandez à la coordination de le modifier.`,
    };
  }
  return { line, action: "UPDATE", data, existing };
}

async function enterprisesByIdentifier(ctx: PlanContext, keys: ReadonlyArray<string | null>): Promise<Map<string, MatchedEnterprise>> {
  const sirets = keys.flatMap((k) => (k && /^\d/.test(k) ? [k] : []));
  const rnas = keys.flatMap((k) => (k?.startsWith("W") ? [k] : []));
  const found = await ctx.prisma.enterprise.findMany({
    where: { OR: [{ siret: { in: sirets } }, { rna: { in: rnas } }] },
    select: { id: true, name: true, siret: true, rna: true, status: true, ownerPartnerId: true, commune: { select: { name: true } } },
  });
  const visible = found.filter((e) => canSee(ctx.viewer, e));
  return new Map(
    visible.flatMap((e) => {
      const match = { id: e.id, name: e.name, siret: e.siret, rna: e.rna, communeName: e.commune.name };
      return [...(e.siret ? [[e.siret, match] as const] : []), ...(e.rna ? [[e.rna, match] as const] : [])];
    }),
  );
}

/**
 * The row's values, column by column, as understood: `understood` gives the French rendering of
 * each column read; a column left empty that a default fills is marked as such.
 */
function previewValues(kind: ImportKind, c: Cells, understood: Record<string, string | null>): PreviewValue[] {
  return IMPORT_COLUMNS[kind].map((column) => {
    const given = c.text(column.name) !== "";
    const value = understood[column.name] ?? c.text(column.name);
    return { column: column.name, value, defaulted: !given && column.default !== undefined && value !== "" };
  });
}

/** Records a row's outcome in the plan: its preview, and its write or its problems. */
function settle(
  plan: ImportPlan,
  line: number,
  preview: Omit<PreviewRow, "line" | "action">,
  problems: ImportProblem[],
  outcome: () => PlannedRow | ImportProblem,
) {
  const result = problems.length === 0 ? outcome() : null;
  if (result && "action" in result) {
    plan.rows.push(result);
    plan.preview.push({ line, action: result.action, ...preview });
    return;
  }
  plan.problems.push(...problems, ...(result ? [result] : []));
  plan.preview.push({ line, action: "INVALID", ...preview });
}

const shownDate = (iso: string | null) => (iso && isIsoDate(iso) ? formatDate(iso) : iso);
const shownDecimal = (value: string | null, format: (v: string) => string) => (value && /^-?\d+(\.\d+)?$/.test(value) ? format(value) : value);

async function planJobs(ctx: PlanContext, table: Table): Promise<ImportPlan> {
  const plan: ImportPlan = { kind: "JOBS", rowCount: table.rows.length, rows: [], problems: [], preview: [] };
  const read = table.rows.map(({ line, cells }) => {
    const c = new Cells(cells);
    const key = c.identifier("siret") ?? c.identifier("rna");
    const year = c.int("annee");
    const input = {
      enterpriseId: "",
      year,
      jobsCreated: c.int("emplois_crees"),
      fte: c.decimal("etp") ?? "",
      source: c.optional("source") ?? ctx.source,
      dataYear: c.text("millesime") ? c.int("millesime") : year,
    };
    if (!key) c.problems.push({ column: "siret", message: "Indiquez le SIRET (ou le numéro RNA) de l'entreprise." });
    const understood = {
      etp: shownDecimal(input.fte, formatExactDecimal),
      source: input.source,
      millesime: Number.isInteger(input.dataYear) ? String(input.dataYear) : null,
    };
    return { line, key, input, problems: c.problems, dataYearGiven: c.text("millesime") !== "", values: previewValues("JOBS", c, understood) };
  });
  const enterprises = await enterprisesByIdentifier(
    ctx,
    read.map((r) => r.key),
  );
  const existing = await ctx.prisma.jobRecord.findMany({ where: { enterpriseId: { in: [...new Set([...enterprises.values()].map((e) => e.id))] } } });
  const byKey = new Map(existing.map((j) => [`${j.enterpriseId}/${j.year}`, j]));
  const seen = new Map<string, number>();
  for (const row of read) {
    const problems: ImportProblem[] = row.problems.map((p) => ({ line: row.line, ...p }));
    const enterprise = row.key ? (enterprises.get(row.key) ?? null) : null;
    if (row.key && !enterprise)
      problems.push({
        line: row.line,
        column: "siret",
        message: `Aucune entreprise connue (ou visible pour vous) n'a le SIRET ou RNA ${row.key} : enregistrez-la d'abord.`,
      });
    const input = { ...row.input, enterpriseId: enterprise?.id ?? "" };
    problems.push(...onColumns(row.line, jobRecordProblems(input), JOB_COLUMNS.fieldColumn, problems, row.dataYearGiven));
    const key = `${input.enterpriseId}/${input.year}`;
    if (problems.length === 0 && seen.has(key))
      problems.push({ line: row.line, column: "annee", message: `Même entreprise et même année qu'à la ligne ${seen.get(key)}.` });
    if (!seen.has(key)) seen.set(key, row.line);
    const data = {
      enterpriseId: input.enterpriseId,
      year: input.year,
      jobsCreated: input.jobsCreated,
      fte: input.fte,
      source: input.source,
      dataYear: input.dataYear,
    };
    settle(plan, row.line, { values: row.values, enterprise }, problems, () => {
      const outcome = matched(ctx, row.line, byKey.get(key), data, `Les emplois ${input.year} de l'entreprise ${row.key}`);
      return "action" in outcome ? outcome : { ...outcome, column: "annee" };
    });
  }
  return plan;
}

const AID_NATURE_WORDS = (nature: string): AidNature | null =>
  nature === "" ? null : nature.includes("les deux") || nature.includes(";") ? "BOTH" : nature.includes("nature") ? "IN_KIND" : "CASH";

async function planFundings(ctx: PlanContext, table: Table): Promise<ImportPlan> {
  const plan: ImportPlan = { kind: "FUNDINGS", rowCount: table.rows.length, rows: [], problems: [], preview: [] };
  const partners = await ctx.prisma.partner.findMany({ select: { id: true, slug: true, siret: true, shortName: true } });
  const partnerBy = (value: string | null) =>
    value ? partners.find((p) => p.slug === value.toLowerCase() || p.siret === value.replace(/\s/g, "")) : undefined;
  const read = table.rows.map(({ line, cells }) => {
    const c = new Cells(cells);
    const year = c.int("annee");
    const funder = c.required("financeur");
    const beneficiaryKey = c.identifier("beneficiaire_siret") ?? c.identifier("beneficiaire_rna");
    const beneficiaryPartner = c.optional("beneficiaire_partenaire");
    const input = {
      amount: c.decimal("montant") ?? "",
      year,
      decisionDate: c.date("date_decision", true) ?? "",
      instrument: c.instrument("instrument"),
      purpose: c.required("objet"),
      decisionReference: c.required("reference_decision"),
      conventionDate: c.date("date_convention"),
      aidNature: AID_NATURE_WORDS(c.text("nature").toLowerCase()),
      paymentTerms: c.optional("conditions_versement"),
      paymentStart: c.date("debut_versement"),
      paymentEnd: c.date("fin_versement"),
      fundingShare: c.decimal("part_subvention", false),
      euNotification: c.boolean("notification_ue"),
      aidScheme: c.optional("dispositif"),
      raeId: c.optional("id_rae"),
      source: c.optional("source") ?? ctx.source,
      dataYear: c.text("millesime") ? c.int("millesime") : year,
    };
    if (!beneficiaryKey && !beneficiaryPartner)
      c.problems.push({ column: "beneficiaire_siret", message: "Indiquez le bénéficiaire : SIRET ou RNA d'une entreprise, ou partenaire." });
    const stored = fundingRow({ ...input, funderId: "", beneficiaryEnterpriseId: null, beneficiaryPartnerId: null });
    const understood = {
      financeur: partnerBy(funder)?.shortName ?? funder,
      montant: shownDecimal(input.amount, formatExactEuros),
      date_decision: shownDate(input.decisionDate),
      instrument: c.problems.some((p) => p.column === "instrument") ? null : FUNDING_INSTRUMENT_LABELS[input.instrument],
      date_convention: shownDate(input.conventionDate),
      nature: AID_NATURE_SCDL[input.aidNature ?? "CASH"],
      conditions_versement: String(stored.paymentTerms),
      debut_versement: shownDate(input.paymentStart),
      fin_versement: shownDate(input.paymentEnd),
      part_subvention: shownDecimal(input.fundingShare, formatExactDecimal),
      notification_ue: stored.euNotification ? "oui" : "non",
      source: input.source,
      millesime: Number.isInteger(input.dataYear) ? String(input.dataYear) : null,
    };
    return {
      line,
      funder,
      beneficiaryKey,
      beneficiaryPartner,
      input,
      problems: c.problems,
      dataYearGiven: c.text("millesime") !== "",
      values: previewValues("FUNDINGS", c, understood),
    };
  });
  const enterprises = await enterprisesByIdentifier(
    ctx,
    read.map((r) => r.beneficiaryKey),
  );
  const existing = await ctx.prisma.funding.findMany({ where: { decisionReference: { in: read.map((r) => r.input.decisionReference).filter(Boolean) } } });
  const byKey = new Map(existing.map((f) => [`${f.funderId}/${f.decisionReference}/${f.beneficiaryEnterpriseId ?? f.beneficiaryPartnerId}`, f]));
  const seen = new Map<string, number>();
  for (const row of read) {
    const problems: ImportProblem[] = row.problems.map((p) => ({ line: row.line, ...p }));
    const funderId = partnerBy(row.funder)?.id;
    const enterprise = row.beneficiaryKey ? (enterprises.get(row.beneficiaryKey) ?? null) : null;
    const beneficiaryPartnerId = row.beneficiaryPartner ? partnerBy(row.beneficiaryPartner)?.id : undefined;
    if (row.funder && !funderId)
      problems.push({
        line: row.line,
        column: "financeur",
        message: `Financeur inconnu : « ${row.funder} » (nom court du partenaire, ex. can, ou son SIRET).`,
      });
    if (row.beneficiaryKey && !enterprise)
      problems.push({
        line: row.line,
        column: "beneficiaire_siret",
        message: `Aucune entreprise connue (ou visible pour vous) n'a le SIRET ou RNA ${row.beneficiaryKey}.`,
      });
    if (row.beneficiaryPartner && !beneficiaryPartnerId)
      problems.push({ line: row.line, column: "beneficiaire_partenaire", message: `Partenaire inconnu : « ${row.beneficiaryPartner} ».` });
    const input = {
      ...row.input,
      funderId: funderId ?? "",
      beneficiaryEnterpriseId: enterprise?.id ?? null,
      beneficiaryPartnerId: beneficiaryPartnerId ?? null,
    };
    problems.push(...onColumns(row.line, fundingProblems(input), FUNDING_COLUMNS.fieldColumn, problems, row.dataYearGiven));
    const key = `${funderId}/${input.decisionReference}/${input.beneficiaryEnterpriseId ?? beneficiaryPartnerId}`;
    if (problems.length === 0 && seen.has(key))
      problems.push({
        line: row.line,
        column: "reference_decision",
        message: `Même financeur, même décision et même bénéficiaire qu'à la ligne ${seen.get(key)}.`,
      });
    if (!seen.has(key)) seen.set(key, row.line);
    settle(plan, row.line, { values: row.values, enterprise }, problems, () => {
      const outcome = matched(ctx, row.line, byKey.get(key), fundingRow(input), `Le financement ${input.decisionReference}`);
      return "action" in outcome ? outcome : { ...outcome, column: "reference_decision" };
    });
  }
  return plan;
}

export async function planImport(ctx: PlanContext, kind: ImportKind, table: Table): Promise<ImportPlan> {
  const missing = missingColumns(table.columns, kind === "JOBS" ? JOB_COLUMNS : FUNDING_COLUMNS);
  if (missing.length > 0) {
    return {
      kind,
      rowCount: table.rows.length,
      rows: [],
      preview: [],
      problems: missing.map((column) => ({ line: 1, column, message: "Colonne manquante." })),
    };
  }
  const plan = await (kind === "JOBS" ? planJobs(ctx, table) : planFundings(ctx, table));
  plan.problems.sort((a, b) => a.line - b.line);
  return plan;
}

/** Writes a plan without problems, all of it or nothing: one transaction, audit events included. */
export async function applyImport(ctx: PlanContext, plan: ImportPlan, note: string): Promise<void> {
  const kind = IMPORT_RECORD[plan.kind];
  const userId = ctx.viewer.userId;
  await ctx.prisma.$transaction(
    async (tx: Prisma.TransactionClient) => {
      const creates = plan.rows
        .filter((r) => r.action === "CREATE")
        .map((r) => ({ ...r.data, id: randomUUID(), ownerPartnerId: ctx.partnerId, status: "DRAFT", createdById: userId, updatedById: userId }));
      await insertRecords(tx, kind === "JobRecord" ? "job_record" : "funding", creates);
      const events: AuditEntry[] = creates.map((row) => ({
        actorId: userId,
        entity: kind,
        entityId: row.id,
        action: "CREATE",
        ownerPartnerId: ctx.partnerId,
        after: row,
        note,
      }));
      for (const row of plan.rows.filter((r) => r.action === "UPDATE")) {
        const before = row.existing as StoredRecord;
        const after = await writeAtVersion(tx, kind, before.id, before.version, row.data, userId);
        events.push({ actorId: userId, entity: kind, entityId: before.id, action: "UPDATE", ownerPartnerId: ctx.partnerId, before, after, note });
      }
      await insertAuditEvents(tx, events);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}
