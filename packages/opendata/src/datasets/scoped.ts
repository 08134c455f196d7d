// Filters shared by the datasets of contributed records.
import type { Conditions, Filters } from "../dataset";

/** Restricts to rows whose enterprise (the column `enterpriseId`) is in the commune. */
export function byCommune(c: Conditions, filters: Filters, enterpriseId: string): void {
  if (filters.commune) c.add((p) => `EXISTS (SELECT 1 FROM enterprise ce WHERE ce.id = ${enterpriseId} AND ce.commune_code = ${p})`, filters.commune);
}

/** Restricts to enterprises (the column `enterpriseId`) the partner funded or followed in incubation. */
export function byPartnerOfEnterprise(c: Conditions, filters: Filters, enterpriseId: string): void {
  if (!filters.partner) return;
  c.add(
    (p) => `(EXISTS (SELECT 1 FROM funding pf WHERE pf.beneficiary_enterprise_id = ${enterpriseId} AND pf.funder_id = ${p}::uuid AND pf.status = 'PUBLISHED')
      OR EXISTS (SELECT 1 FROM incubation pi WHERE pi.enterprise_id = ${enterpriseId} AND pi.supporting_partner_id = ${p}::uuid AND pi.status = 'PUBLISHED'))`,
    filters.partner,
  );
}
