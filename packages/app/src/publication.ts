// What must hold before a record goes public: nothing is more public than the enterprise it is
// about, and a public body's grant must be exportable in the SCDL « Subventions ».
import type { Prisma } from "@oess/db";
import { type FieldProblem, grantPublicationProblems } from "@oess/domain";
import type { RecordKind, StoredRecord } from "./records";

const isoDate = (value: unknown): string | null => (value instanceof Date ? value.toISOString().slice(0, 10) : null);

export async function publicationProblems(tx: Prisma.TransactionClient, kind: RecordKind, record: StoredRecord): Promise<FieldProblem[]> {
  const enterpriseId = (kind === "Funding" ? record.beneficiaryEnterpriseId : record.enterpriseId) as string | null | undefined;
  const enterprise = enterpriseId ? await tx.enterprise.findUnique({ where: { id: enterpriseId }, select: { status: true, siret: true, rna: true } }) : null;
  const problems: FieldProblem[] = [];
  if (enterprise && enterprise.status !== "PUBLISHED") {
    problems.push({
      field: kind === "Funding" ? "beneficiaryEnterpriseId" : "enterpriseId",
      message: "Publiez d'abord l'entreprise concernée : une fiche n'est jamais plus publique que son entreprise.",
    });
  }
  if (kind === "Funding" && record.instrument === "GRANT") {
    const funder = await tx.partner.findUnique({ where: { id: record.funderId as string }, select: { isPublicBody: true } });
    if (funder?.isPublicBody) {
      const partner = record.beneficiaryPartnerId
        ? await tx.partner.findUnique({ where: { id: record.beneficiaryPartnerId as string }, select: { siret: true } })
        : null;
      problems.push(
        ...grantPublicationProblems({
          conventionDate: isoDate(record.conventionDate),
          amount: String(record.amount),
          paymentTerms: record.paymentTerms as string | null,
          beneficiarySiret: enterprise?.siret ?? partner?.siret ?? null,
          beneficiaryRna: enterprise?.rna ?? null,
        }),
      );
    }
  }
  return problems;
}
