// Filters shared by the datasets of contributed records.
import type { Conditions, Filters } from "../dataset";

/** Restricts to rows whose enterprise (alias `e`) is in the commune. */
export function byCommune(c: Conditions, filters: Filters, column = "e.commune_code"): void {
  if (filters.commune) c.add((p) => `${column} = ${p}`, filters.commune);
}

/** Restricts to enterprises (alias `e`) the partner funded or followed in incubation. */
export function byPartnerOfEnterprise(c: Conditions, filters: Filters): void {
  if (!filters.partner) return;
  c.add(
    (p) => `(EXISTS (SELECT 1 FROM funding pf WHERE pf.beneficiary_enterprise_id = e.id AND pf.funder_id = ${p}::uuid AND pf.status = 'PUBLISHED')
      OR EXISTS (SELECT 1 FROM incubation pi WHERE pi.enterprise_id = e.id AND pi.supporting_partner_id = ${p}::uuid AND pi.status = 'PUBLISHED'))`,
    filters.partner,
  );
}
