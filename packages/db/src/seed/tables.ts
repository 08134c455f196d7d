// Column lists of the demo dataset's tables, in the shapes bulk-insert takes.
import { column as c, type TableSpec } from "./bulk-insert";
import type { EnterpriseRow, FundingRow, IncubationRow, JobRow } from "./generate";

const record = <Row extends { status: string; publishedAt: string | null; dataYear: number; ownerPartnerId: string }>() => [
  c<Row>("status", '"RecordStatus"', (r) => r.status),
  c<Row>("published_at", "timestamptz", (r) => r.publishedAt),
  c<Row>("data_year", "int", (r) => r.dataYear),
  c<Row>("owner_partner_id", "uuid", (r) => r.ownerPartnerId),
];

export const enterpriseTable = (source: string): TableSpec<EnterpriseRow> => ({
  table: "enterprise",
  constants: { source },
  columns: [
    c("id", "uuid", (r) => r.id),
    c("name", "text", (r) => r.name),
    c("siret", "text", (r) => r.siret),
    c("rna", "text", (r) => r.rna),
    c("legal_family", '"LegalFamily"', (r) => r.legalFamily),
    c("cooperative_kind", '"CooperativeKind"', (r) => r.cooperativeKind),
    c("legal_category", "text", (r) => r.legalCategory),
    c("naf_code", "text", (r) => r.nafCode),
    c("naf_section", "text", (r) => r.nafSection),
    c("commune_code", "text", (r) => r.communeCode),
    c("founded_on", "date", (r) => r.foundedOn),
    c("ceased_on", "date", (r) => r.ceasedOn),
    ...record<EnterpriseRow>(),
  ],
});

export const incubationTable = (source: string): TableSpec<IncubationRow> => ({
  table: "incubation",
  constants: { source },
  columns: [
    c("id", "uuid", (r) => r.id),
    c("enterprise_id", "uuid", (r) => r.enterpriseId),
    c("supporting_partner_id", "uuid", (r) => r.supportingPartnerId),
    c("start_date", "date", (r) => r.startDate),
    c("end_date", "date", (r) => r.endDate),
    c("outcome", '"IncubationOutcome"', (r) => r.outcome),
    ...record<IncubationRow>(),
  ],
});

export const jobTable = (source: string): TableSpec<JobRow> => ({
  table: "job_record",
  constants: { source },
  columns: [
    c("id", "uuid", (r) => r.id),
    c("enterprise_id", "uuid", (r) => r.enterpriseId),
    c("year", "int", (r) => r.year),
    c("jobs_created", "int", (r) => r.jobsCreated),
    c("fte", "numeric", (r) => r.fte),
    ...record<JobRow>(),
  ],
});

export const fundingTable = (source: string): TableSpec<FundingRow> => ({
  table: "funding",
  constants: { source },
  columns: [
    c("id", "uuid", (r) => r.id),
    c("funder_id", "uuid", (r) => r.funderId),
    c("beneficiary_enterprise_id", "uuid", (r) => r.beneficiaryEnterpriseId),
    c("beneficiary_partner_id", "uuid", (r) => r.beneficiaryPartnerId),
    c("amount", "numeric", (r) => r.amount),
    c("year", "int", (r) => r.year),
    c("decision_date", "date", (r) => r.decisionDate),
    c("instrument", '"FundingInstrument"', (r) => r.instrument),
    c("purpose", "text", (r) => r.purpose),
    c("decision_reference", "text", (r) => r.decisionReference),
    c("convention_date", "date", (r) => r.conventionDate),
    c("aid_nature", '"AidNature"', (r) => r.aidNature),
    c("payment_terms", "text", (r) => r.paymentTerms),
    c("payment_start", "date", (r) => r.paymentStart),
    c("payment_end", "date", (r) => r.paymentEnd),
    c("funding_share", "numeric", (r) => r.fundingShare),
    c("eu_notification", "boolean", (r) => r.euNotification),
    c("aid_scheme", "text", (r) => r.aidScheme),
    ...record<FundingRow>(),
  ],
});
