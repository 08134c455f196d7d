// Form values as people type them, made into the values the rules check.
import type { FieldProblem } from "@oess/domain";
import { isUuid, normalizeIdentifier } from "@oess/domain";
import type { Tx, WriteContext } from "../record-writes";
import { canSee } from "../records";

/** Trimmed text, or null for an empty field. */
export const text = (value: string | null | undefined): string | null => (value == null || value.trim() === "" ? null : value.trim());

/** A SIRET or RNA without its spaces, or null. */
export const identifier = (value: string | null | undefined): string | null => {
  const trimmed = text(value);
  return trimmed === null ? null : normalizeIdentifier(trimmed);
};

/** The enterprise a field points to must exist and be visible to the writer. */
export async function enterpriseRef(tx: Tx, ctx: WriteContext, id: string | null | undefined, field: string): Promise<FieldProblem[]> {
  if (id == null) return [];
  const enterprise = isUuid(id) ? await tx.enterprise.findUnique({ where: { id }, select: { status: true, ownerPartnerId: true } }) : null;
  return enterprise && canSee(ctx.viewer, enterprise) ? [] : [{ field, message: "Entreprise introuvable : choisissez-en une de la liste." }];
}

/** The partner a field points to must exist. */
export async function partnerRef(tx: Tx, id: string | null | undefined, field: string): Promise<FieldProblem[]> {
  if (id == null) return [];
  const partner = isUuid(id) ? await tx.partner.findUnique({ where: { id }, select: { id: true } }) : null;
  return partner ? [] : [{ field, message: "Partenaire introuvable : choisissez-en un de la liste." }];
}
