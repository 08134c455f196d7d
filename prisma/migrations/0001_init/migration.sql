-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RecordStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('EPCI', 'COMMUNE', 'REGION', 'STATE', 'NETWORK', 'COOPERATIVE', 'UNIVERSITY', 'OTHER');

-- CreateEnum
CREATE TYPE "LegalFamily" AS ENUM ('ASSOCIATION', 'COOPERATIVE', 'MUTUAL', 'FOUNDATION', 'ESS_COMPANY');

-- CreateEnum
CREATE TYPE "CooperativeKind" AS ENUM ('SCOP', 'SCIC', 'CAE', 'OTHER');

-- CreateEnum
CREATE TYPE "IncubationOutcome" AS ENUM ('IN_PROGRESS', 'CREATED', 'ABANDONED');

-- CreateEnum
CREATE TYPE "FundingInstrument" AS ENUM ('GRANT', 'REPAYABLE_ADVANCE', 'LOAN', 'SERVICE');

-- CreateEnum
CREATE TYPE "AidNature" AS ENUM ('CASH', 'IN_KIND', 'BOTH');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('VIEWER', 'EDITOR', 'ADMIN');

-- CreateTable
CREATE TABLE "commune" (
    "code" CHAR(5) NOT NULL,
    "name" TEXT NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "epci_siren" CHAR(9) NOT NULL,
    "population" INTEGER NOT NULL,

    CONSTRAINT "commune_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "partner" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "siret" CHAR(14),
    "is_public_body" BOOLEAN NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "membership" (
    "user_id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "role" "MemberRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "membership_pkey" PRIMARY KEY ("user_id","partner_id")
);

-- CreateTable
CREATE TABLE "enterprise" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "siret" CHAR(14),
    "rna" CHAR(10),
    "legal_family" "LegalFamily" NOT NULL,
    "cooperative_kind" "CooperativeKind",
    "naf_code" VARCHAR(6) NOT NULL,
    "naf_section" CHAR(1) NOT NULL,
    "commune_code" CHAR(5) NOT NULL,
    "founded_on" DATE,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL,
    "data_year" INTEGER NOT NULL,
    "owner_partner_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    "updated_by_id" UUID,

    CONSTRAINT "enterprise_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incubation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "enterprise_id" UUID NOT NULL,
    "supporting_partner_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE,
    "outcome" "IncubationOutcome" NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL,
    "data_year" INTEGER NOT NULL,
    "owner_partner_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    "updated_by_id" UUID,

    CONSTRAINT "incubation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job_record" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "enterprise_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "jobs_created" INTEGER NOT NULL,
    "fte" DECIMAL(8,2) NOT NULL,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL,
    "data_year" INTEGER NOT NULL,
    "owner_partner_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    "updated_by_id" UUID,

    CONSTRAINT "job_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "funding" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "funder_id" UUID NOT NULL,
    "beneficiary_enterprise_id" UUID,
    "beneficiary_partner_id" UUID,
    "amount" DECIMAL(12,2) NOT NULL,
    "year" INTEGER NOT NULL,
    "decision_date" DATE NOT NULL,
    "instrument" "FundingInstrument" NOT NULL,
    "purpose" VARCHAR(255) NOT NULL,
    "decision_reference" TEXT,
    "convention_date" DATE,
    "aid_nature" "AidNature" NOT NULL DEFAULT 'CASH',
    "payment_terms" TEXT NOT NULL DEFAULT 'unique',
    "payment_start" DATE,
    "payment_end" DATE,
    "funding_share" DECIMAL(5,4),
    "eu_notification" BOOLEAN NOT NULL DEFAULT false,
    "aid_scheme" TEXT,
    "rae_id" TEXT,
    "status" "RecordStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "source" TEXT NOT NULL,
    "data_year" INTEGER NOT NULL,
    "owner_partner_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    "updated_by_id" UUID,

    CONSTRAINT "funding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "commune_epci_siren_idx" ON "commune"("epci_siren");

-- CreateIndex
CREATE UNIQUE INDEX "partner_slug_key" ON "partner"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "partner_siret_key" ON "partner"("siret");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "membership_partner_id_idx" ON "membership"("partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "enterprise_siret_key" ON "enterprise"("siret");

-- CreateIndex
CREATE UNIQUE INDEX "enterprise_rna_key" ON "enterprise"("rna");

-- CreateIndex
CREATE INDEX "enterprise_commune_code_idx" ON "enterprise"("commune_code");

-- CreateIndex
CREATE INDEX "enterprise_status_legal_family_idx" ON "enterprise"("status", "legal_family");

-- CreateIndex
CREATE INDEX "enterprise_owner_partner_id_idx" ON "enterprise"("owner_partner_id");

-- CreateIndex
CREATE INDEX "incubation_enterprise_id_idx" ON "incubation"("enterprise_id");

-- CreateIndex
CREATE INDEX "incubation_supporting_partner_id_idx" ON "incubation"("supporting_partner_id");

-- CreateIndex
CREATE INDEX "incubation_status_start_date_idx" ON "incubation"("status", "start_date");

-- CreateIndex
CREATE INDEX "incubation_owner_partner_id_idx" ON "incubation"("owner_partner_id");

-- CreateIndex
CREATE INDEX "job_record_status_year_idx" ON "job_record"("status", "year");

-- CreateIndex
CREATE INDEX "job_record_owner_partner_id_idx" ON "job_record"("owner_partner_id");

-- CreateIndex
CREATE UNIQUE INDEX "job_record_enterprise_id_year_key" ON "job_record"("enterprise_id", "year");

-- CreateIndex
CREATE INDEX "funding_funder_id_year_idx" ON "funding"("funder_id", "year");

-- CreateIndex
CREATE INDEX "funding_beneficiary_enterprise_id_idx" ON "funding"("beneficiary_enterprise_id");

-- CreateIndex
CREATE INDEX "funding_beneficiary_partner_id_idx" ON "funding"("beneficiary_partner_id");

-- CreateIndex
CREATE INDEX "funding_status_year_idx" ON "funding"("status", "year");

-- CreateIndex
CREATE INDEX "funding_owner_partner_id_idx" ON "funding"("owner_partner_id");

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "membership" ADD CONSTRAINT "membership_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_commune_code_fkey" FOREIGN KEY ("commune_code") REFERENCES "commune"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_owner_partner_id_fkey" FOREIGN KEY ("owner_partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incubation" ADD CONSTRAINT "incubation_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incubation" ADD CONSTRAINT "incubation_supporting_partner_id_fkey" FOREIGN KEY ("supporting_partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incubation" ADD CONSTRAINT "incubation_owner_partner_id_fkey" FOREIGN KEY ("owner_partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incubation" ADD CONSTRAINT "incubation_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incubation" ADD CONSTRAINT "incubation_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_record" ADD CONSTRAINT "job_record_enterprise_id_fkey" FOREIGN KEY ("enterprise_id") REFERENCES "enterprise"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_record" ADD CONSTRAINT "job_record_owner_partner_id_fkey" FOREIGN KEY ("owner_partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_record" ADD CONSTRAINT "job_record_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_record" ADD CONSTRAINT "job_record_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding" ADD CONSTRAINT "funding_funder_id_fkey" FOREIGN KEY ("funder_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding" ADD CONSTRAINT "funding_beneficiary_enterprise_id_fkey" FOREIGN KEY ("beneficiary_enterprise_id") REFERENCES "enterprise"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding" ADD CONSTRAINT "funding_beneficiary_partner_id_fkey" FOREIGN KEY ("beneficiary_partner_id") REFERENCES "partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding" ADD CONSTRAINT "funding_owner_partner_id_fkey" FOREIGN KEY ("owner_partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding" ADD CONSTRAINT "funding_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "funding" ADD CONSTRAINT "funding_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rules the Prisma schema cannot express, kept by the database whoever writes to it.
ALTER TABLE "commune"
  ADD CONSTRAINT "commune_code_format" CHECK ("code" ~ '^[0-9][0-9AB][0-9]{3}$'),
  ADD CONSTRAINT "commune_siren_format" CHECK ("siren" ~ '^[0-9]{9}$'),
  ADD CONSTRAINT "commune_population_positive" CHECK ("population" >= 0);

ALTER TABLE "partner"
  ADD CONSTRAINT "partner_siret_format" CHECK ("siret" ~ '^[0-9]{14}$');

ALTER TABLE "enterprise"
  ADD CONSTRAINT "enterprise_siret_format" CHECK ("siret" ~ '^[0-9]{14}$'),
  ADD CONSTRAINT "enterprise_rna_format" CHECK ("rna" ~ '^W[0-9]{9}$'),
  -- A project not yet created has no identifier; a created enterprise has a SIRET or an RNA number.
  ADD CONSTRAINT "enterprise_identified" CHECK ("founded_on" IS NULL OR "siret" IS NOT NULL OR "rna" IS NOT NULL),
  ADD CONSTRAINT "enterprise_cooperative_kind" CHECK (("legal_family" = 'COOPERATIVE') = ("cooperative_kind" IS NOT NULL)),
  ADD CONSTRAINT "enterprise_naf_code_format" CHECK ("naf_code" ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
  ADD CONSTRAINT "enterprise_naf_section_format" CHECK ("naf_section" ~ '^[A-U]$'),
  ADD CONSTRAINT "enterprise_founded_plausible" CHECK ("founded_on" BETWEEN DATE '1800-01-01' AND DATE '2100-12-31'),
  ADD CONSTRAINT "enterprise_data_year_plausible" CHECK ("data_year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "enterprise_version_positive" CHECK ("version" >= 1);

ALTER TABLE "incubation"
  ADD CONSTRAINT "incubation_dates_ordered" CHECK ("end_date" IS NULL OR "end_date" >= "start_date"),
  ADD CONSTRAINT "incubation_start_plausible" CHECK ("start_date" BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
  ADD CONSTRAINT "incubation_data_year_plausible" CHECK ("data_year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "incubation_version_positive" CHECK ("version" >= 1);

ALTER TABLE "job_record"
  ADD CONSTRAINT "job_record_year_plausible" CHECK ("year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "job_record_jobs_non_negative" CHECK ("jobs_created" >= 0),
  ADD CONSTRAINT "job_record_fte_non_negative" CHECK ("fte" >= 0),
  ADD CONSTRAINT "job_record_data_year_plausible" CHECK ("data_year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "job_record_version_positive" CHECK ("version" >= 1);

ALTER TABLE "funding"
  ADD CONSTRAINT "funding_amount_non_negative" CHECK ("amount" >= 0),
  ADD CONSTRAINT "funding_year_plausible" CHECK ("year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "funding_one_beneficiary" CHECK (num_nonnulls("beneficiary_enterprise_id", "beneficiary_partner_id") = 1),
  ADD CONSTRAINT "funding_share_range" CHECK ("funding_share" IS NULL OR "funding_share" BETWEEN 0.01 AND 1),
  ADD CONSTRAINT "funding_payment_dates_ordered" CHECK ("payment_end" IS NULL OR "payment_start" IS NULL OR "payment_end" >= "payment_start"),
  ADD CONSTRAINT "funding_data_year_plausible" CHECK ("data_year" BETWEEN 2000 AND 2100),
  ADD CONSTRAINT "funding_version_positive" CHECK ("version" >= 1);
