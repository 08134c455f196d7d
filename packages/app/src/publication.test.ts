// The SCDL publication rule is written three times, in three languages: the domain's check (what
// the forms and the record page say), the bulk review's SQL condition (what « publier tout » may
// publish) and the database trigger (the last line, migration 0005). For any grant of a public
// body, the three must agree.
import { createTestDatabase, type TestDatabase } from "@oess/db/testing";
import { grantPublicationProblems, loadTerritory } from "@oess/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishAllSubmitted } from "./bulk-review";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: true });
});
afterAll(() => db.dispose());

const grant = fc.record({
  conventionDate: fc.option(fc.constant("2024-03-01"), { nil: null }),
  amount: fc.constantFrom("0", "0.01", "1500", "25000.50"),
  paymentTerms: fc.constantFrom("unique", "échelonné", "", "   ", "x".repeat(255), "x".repeat(256)),
  beneficiary: fc.constantFrom("siret", "rna", "none", "partner-with-siret", "partner-without-siret"),
});

describe("SCDL publication rule: domain, bulk review and trigger agree", () => {
  it("for any grant of a public body", async () => {
    const [funder] = await db.sql.query<{ id: string }>("SELECT id::text FROM partner WHERE slug = 'can'");
    const [actor] = await db.sql.query<{ id: string }>("SELECT id::text FROM app_user ORDER BY email LIMIT 1");
    // A public body with nothing else submitted: the bulk review sees only the grant under test.
    const [owner] = await db.sql.query<{ id: string }>(
      `INSERT INTO partner (slug, name, short_name, kind, siret, is_public_body) VALUES ('essai-scdl', 'Essai', 'Essai', 'COMMUNE', NULL, true) RETURNING id::text`,
    );
    const [withSiret] = await db.sql.query<{ id: string }>("SELECT id::text FROM partner WHERE siret IS NOT NULL AND slug <> 'can' LIMIT 1");
    const enterprise = async (siret: string | null, rna: string | null) =>
      (
        await db.sql.query<{ id: string }>(
          `INSERT INTO enterprise (name, siret, rna, legal_family, naf_code, naf_section, commune_code, source, data_year, status, owner_partner_id, published_at)
           VALUES ('Bénéficiaire', $1, $2, 'ASSOCIATION', '88.99B', 'Q', '79191', 'test', 2024, 'PUBLISHED', $3, now()) RETURNING id::text`,
          [siret, rna, owner?.id],
        )
      )[0]?.id;
    const beneficiaries = {
      siret: { enterprise: await enterprise("73282932000074", null), partner: null },
      rna: { enterprise: await enterprise(null, "W791234567"), partner: null },
      none: { enterprise: await enterprise(null, null), partner: null },
      "partner-with-siret": { enterprise: null, partner: withSiret?.id },
      "partner-without-siret": { enterprise: null, partner: owner?.id },
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(grant, async (g) => {
        const b = beneficiaries[g.beneficiary];
        const [row] = await db.sql.query<{ id: string }>(
          `INSERT INTO funding (funder_id, beneficiary_enterprise_id, beneficiary_partner_id, amount, year, decision_date, instrument, purpose,
             decision_reference, convention_date, aid_nature, payment_terms, source, data_year, status, owner_partner_id)
           VALUES ($1, $2, $3, $4, 2024, '2024-02-01', 'GRANT', 'Essai', $5, $6, 'CASH', $7, 'test', 2024, 'SUBMITTED', $8) RETURNING id::text`,
          [funder?.id, b.enterprise, b.partner, g.amount, `SCDL-${++n}`, g.conventionDate, g.paymentTerms, owner?.id],
        );
        const domain =
          grantPublicationProblems({
            conventionDate: g.conventionDate,
            amount: g.amount,
            paymentTerms: g.paymentTerms,
            beneficiarySiret: g.beneficiary === "siret" || g.beneficiary === "partner-with-siret" ? "x" : null,
            beneficiaryRna: g.beneficiary === "rna" ? "x" : null,
          }).length === 0;
        const trigger = await db.sql
          .transaction(async (tx) => {
            await tx.query("UPDATE funding SET status = 'PUBLISHED' WHERE id = $1", [row?.id]);
            throw new Error("rolled back");
          })
          .then(
            () => true,
            (error: Error) => error.message === "rolled back",
          );
        const bulk = await publishAllSubmitted(
          { prisma: db.prisma, territory: loadTerritory(), viewer: { userId: actor?.id as string, memberships: [] } },
          owner?.id as string,
        );
        await db.sql.query("DELETE FROM funding WHERE id = $1", [row?.id]);
        expect({ trigger, bulk: bulk.changed === 1 }, JSON.stringify(g)).toEqual({ trigger: domain, bulk: domain });
      }),
      { numRuns: 60 },
    );
  });
});
