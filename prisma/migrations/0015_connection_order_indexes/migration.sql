-- DropIndex
DROP INDEX "enterprise_commune_code_idx";

-- DropIndex
DROP INDEX "incubation_supporting_partner_id_idx";

-- CreateIndex
CREATE INDEX "enterprise_commune_code_id_idx" ON "enterprise"("commune_code", "id");

-- CreateIndex
CREATE INDEX "incubation_supporting_partner_id_id_idx" ON "incubation"("supporting_partner_id", "id");

-- CreateIndex
CREATE INDEX "funding_funder_id_id_idx" ON "funding"("funder_id", "id");

