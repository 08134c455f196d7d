// What an import would do, row by row, before anything is written: create, update or leave each
// record (matched on its natural key), or say precisely why a row cannot be taken.
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@oess/db";
import { type FieldProblem, fundingProblems, jobRecordProblems } from "@oess/domain";
import type { AuditEntry } from "../audit";
import { insertAuditEvents, insertRecords } from "../bulk-write";
import { fundingRow } from "../funding-row";
import { canChange, canSee, type RecordKind, type StoredRecord, writeAtVersion } from "../records";
import type { Viewer } from "../viewer";
import { Cells, FUNDING_COLUMNS, JOB_COLUMNS, missingColumns } from "./columns";
import type { Table } from "./read-table";

export type ImportKind = "JOBS" | "FUNDINGS";
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

export interface ImportPlan {
  kind: ImportKind;
  rowCount: number;
  rows: PlannedRow[];
  problems: ImportProblem[];
}

interface PlanContext {
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
 * Turns field problems of the domain into problems of the file's columns. When the file has no
 * data year (millésime), it is the row's year: a problem with it is already said on that year.
 */
const onColumns = (line: number, problems: readonly FieldProblem[], fieldColumn: Record<string, string>, dataYearGiven: boolean): ImportProblem[] =>
  problems.filter((p) => dataYearGiven || p.field !== "dataYear").map((p) => ({ line, column: fieldColumn[p.field] ?? p.field, message: p.message }));

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

async function enterprisesByIdentifier(ctx: PlanContext, sirets: string[], rnas: string[]) {
  const found = await ctx.prisma.enterprise.findMany({
    where: { OR: [{ siret: { in: sirets } }, { rna: { in: rnas } }] },
    select: { id: true, siret: true, rna: true, status: true, ownerPartnerId: true },
  });
  const visible = found.filter((e) => canSee(ctx.viewer, e));
  return new Map(visible.flatMap((e) => [...(e.siret ? [[e.siret, e.id] as const] : []), ...(e.rna ? [[e.rna, e.id] as const] : [])]));
}

async function planJobs(ctx: PlanContext, table: Table): Promise<ImportPlan> {
  const plan: ImportPlan = { kind: "JOBS", rowCount: table.rows.length, rows: [], problems: [] };
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
    return { line, key, input, problems: c.problems, dataYearGiven: c.text("millesime") !== "" };
  });
  const enterprises = await enterprisesByIdentifier(
    ctx,
    read.flatMap((r) => (r.key && /^\d/.test(r.key) ? [r.key] : [])),
    read.flatMap((r) => (r.key?.startsWith("W") ? [r.key] : [])),
  );
  const existing = await ctx.prisma.jobRecord.findMany({ where: { enterpriseId: { in: [...new Set(enterprises.values())] } } });
  const byKey = new Map(existing.map((j) => [`${j.enterpriseId}/${j.year}`, j]));
  const seen = new Map<string, number>();
  for (const row of read) {
    const problems: ImportProblem[] = row.problems.map((p) => ({ line: row.line, ...p }));
    const enterpriseId = row.key ? enterprises.get(row.key) : undefined;
    if (row.key && !enterpriseId)
      problems.push({
        line: row.line,
        column: "siret",
        message: `Aucune entreprise connue (ou visible pour vous) n'a le SIRET ou RNA ${row.key} : enregistrez-la d'abord.`,
      });
    if (problems.length === 0)
      problems.push(
        ...onColumns(row.line, jobRecordProblems({ ...row.input, enterpriseId: enterpriseId as string }), JOB_COLUMNS.fieldColumn, row.dataYearGiven),
      );
    const key = `${enterpriseId}/${row.input.year}`;
    if (problems.length === 0 && seen.has(key))
      problems.push({ line: row.line, column: "annee", message: `Même entreprise et même année qu'à la ligne ${seen.get(key)}.` });
    if (!seen.has(key)) seen.set(key, row.line);
    if (problems.length > 0) {
      plan.problems.push(...problems);
      continue;
    }
    const data = {
      enterpriseId,
      year: row.input.year,
      jobsCreated: row.input.jobsCreated,
      fte: row.input.fte,
      source: row.input.source,
      dataYear: row.input.dataYear,
    };
    const outcome = matched(ctx, row.line, byKey.get(key), data, `Les emplois ${row.input.year} de l'entreprise ${row.key}`);
    if ("action" in outcome) plan.rows.push(outcome);
    else plan.problems.push({ ...outcome, column: "annee" });
  }
  return plan;
}

async function planFundings(ctx: PlanContext, table: Table): Promise<ImportPlan> {
  const plan: ImportPlan = { kind: "FUNDINGS", rowCount: table.rows.length, rows: [], problems: [] };
  const partners = await ctx.prisma.partner.findMany({ select: { id: true, slug: true, siret: true } });
  const partnerBy = (value: string | null) =>
    value ? partners.find((p) => p.slug === value.toLowerCase() || p.siret === value.replace(/\s/g, ""))?.id : undefined;
  const read = table.rows.map(({ line, cells }) => {
    const c = new Cells(cells);
    const year = c.int("annee");
    const funder = c.required("financeur");
    const beneficiaryKey = c.identifier("beneficiaire_siret") ?? c.identifier("beneficiaire_rna");
    const beneficiaryPartner = c.optional("beneficiaire_partenaire");
    const nature = c.text("nature").toLowerCase();
    const input = {
      amount: c.decimal("montant") ?? "",
      year,
      decisionDate: c.date("date_decision", true) ?? "",
      instrument: c.instrument("instrument"),
      purpose: c.required("objet"),
      decisionReference: c.required("reference_decision"),
      conventionDate: c.date("date_convention"),
      aidNature:
        nature === ""
          ? null
          : nature.includes("les deux") || nature.includes(";")
            ? ("BOTH" as const)
            : nature.includes("nature")
              ? ("IN_KIND" as const)
              : ("CASH" as const),
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
    return { line, funder, beneficiaryKey, beneficiaryPartner, input, problems: c.problems, dataYearGiven: c.text("millesime") !== "" };
  });
  const enterprises = await enterprisesByIdentifier(
    ctx,
    read.flatMap((r) => (r.beneficiaryKey && /^\d/.test(r.beneficiaryKey) ? [r.beneficiaryKey] : [])),
    read.flatMap((r) => (r.beneficiaryKey?.startsWith("W") ? [r.beneficiaryKey] : [])),
  );
  const existing = await ctx.prisma.funding.findMany({ where: { decisionReference: { in: read.map((r) => r.input.decisionReference).filter(Boolean) } } });
  const byKey = new Map(existing.map((f) => [`${f.funderId}/${f.decisionReference}/${f.beneficiaryEnterpriseId ?? f.beneficiaryPartnerId}`, f]));
  const seen = new Map<string, number>();
  for (const row of read) {
    const problems: ImportProblem[] = row.problems.map((p) => ({ line: row.line, ...p }));
    const funderId = partnerBy(row.funder);
    const beneficiaryEnterpriseId = row.beneficiaryKey ? enterprises.get(row.beneficiaryKey) : undefined;
    const beneficiaryPartnerId = row.beneficiaryPartner ? partnerBy(row.beneficiaryPartner) : undefined;
    if (row.funder && !funderId)
      problems.push({
        line: row.line,
        column: "financeur",
        message: `Financeur inconnu : « ${row.funder} » (nom court du partenaire, ex. can, ou son SIRET).`,
      });
    if (row.beneficiaryKey && !beneficiaryEnterpriseId)
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
      beneficiaryEnterpriseId: beneficiaryEnterpriseId ?? null,
      beneficiaryPartnerId: beneficiaryPartnerId ?? null,
    };
    if (problems.length === 0) problems.push(...onColumns(row.line, fundingProblems(input), FUNDING_COLUMNS.fieldColumn, row.dataYearGiven));
    const key = `${funderId}/${input.decisionReference}/${beneficiaryEnterpriseId ?? beneficiaryPartnerId}`;
    if (problems.length === 0 && seen.has(key))
      problems.push({
        line: row.line,
        column: "reference_decision",
        message: `Même financeur, même décision et même bénéficiaire qu'à la ligne ${seen.get(key)}.`,
      });
    if (!seen.has(key)) seen.set(key, row.line);
    if (problems.length > 0) {
      plan.problems.push(...problems);
      continue;
    }
    const data = fundingRow(input);
    const outcome = matched(ctx, row.line, byKey.get(key), data, `Le financement ${input.decisionReference}`);
    if ("action" in outcome) plan.rows.push(outcome);
    else plan.problems.push({ ...outcome, column: "reference_decision" });
  }
  return plan;
}

export async function planImport(ctx: PlanContext, kind: ImportKind, table: Table): Promise<ImportPlan> {
  const missing = missingColumns(table.columns, kind === "JOBS" ? JOB_COLUMNS : FUNDING_COLUMNS);
  if (missing.length > 0) {
    return { kind, rowCount: table.rows.length, rows: [], problems: missing.map((column) => ({ line: 1, column, message: "Colonne manquante." })) };
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
