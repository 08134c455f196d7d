-- CreateEnum
CREATE TYPE "RegisterImportStatus" AS ENUM ('DONE', 'CANCELLED', 'FAILED');

-- CreateEnum
CREATE TYPE "RegisterChangeKind" AS ENUM ('ADDED', 'CHANGED', 'REMOVED');

-- CreateTable
CREATE TABLE "register_establishment" (
    "siret" CHAR(14) NOT NULL,
    "siren" CHAR(9) NOT NULL,
    "diffusible" BOOLEAN NOT NULL,
    "name" TEXT,
    "establishment_name" TEXT,
    "commune_code" CHAR(5) NOT NULL,
    "legal_category" CHAR(4) NOT NULL,
    "legal_family" "LegalFamily",
    "naf_rev2" VARCHAR(6),
    "naf_2025" VARCHAR(7),
    "naf_section" CHAR(1),
    "staff_band" CHAR(2),
    "staff_band_year" INTEGER,
    "created_on" DATE,
    "unit_created_on" DATE,
    "active" BOOLEAN NOT NULL,
    "ceased_on" DATE,
    "head_office" BOOLEAN NOT NULL,
    "import_id" UUID NOT NULL,

    CONSTRAINT "register_establishment_pkey" PRIMARY KEY ("siret")
);

-- CreateTable
CREATE TABLE "register_import" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "status" "RegisterImportStatus" NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "extract_date" DATE,
    "files" TEXT NOT NULL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "started_by_id" UUID,
    "rows_read" BIGINT NOT NULL DEFAULT 0,
    "kept" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "register_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "register_change" (
    "id" BIGSERIAL NOT NULL,
    "import_id" UUID NOT NULL,
    "siret" CHAR(14) NOT NULL,
    "kind" "RegisterChangeKind" NOT NULL,
    "fields" JSONB NOT NULL,

    CONSTRAINT "register_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "register_establishment_siren_idx" ON "register_establishment"("siren");

-- CreateIndex
CREATE INDEX "register_establishment_commune_code_idx" ON "register_establishment"("commune_code");

-- CreateIndex
CREATE UNIQUE INDEX "register_import_seq_key" ON "register_import"("seq");

-- CreateIndex
CREATE INDEX "register_change_import_id_idx" ON "register_change"("import_id");

-- CreateIndex
CREATE INDEX "register_change_siret_idx" ON "register_change"("siret");

-- AddForeignKey
ALTER TABLE "register_establishment" ADD CONSTRAINT "register_establishment_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "register_import"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "register_change" ADD CONSTRAINT "register_change_import_id_fkey" FOREIGN KEY ("import_id") REFERENCES "register_import"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- What SIRENE's codes allow, so that no import, whatever its path, stores less.
ALTER TABLE "register_establishment"
  ADD CONSTRAINT "register_establishment_siret_check" CHECK ("siret" ~ '^[0-9]{14}$' AND "siren" = left("siret", 9)),
  ADD CONSTRAINT "register_establishment_legal_category_check" CHECK ("legal_category" ~ '^[0-9]{4}$'),
  ADD CONSTRAINT "register_establishment_staff_band_check" CHECK ("staff_band" IN ('NN', '00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53')),
  ADD CONSTRAINT "register_establishment_undisclosed_check" CHECK ("diffusible" OR ("name" IS NULL AND "establishment_name" IS NULL)),
  ADD CONSTRAINT "register_establishment_ceased_check" CHECK (NOT "active" OR "ceased_on" IS NULL);

-- The register is published (exports, cached answers): its changes move the data version.
CREATE TRIGGER "register_establishment_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "register_establishment" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "register_import_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "register_import" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
