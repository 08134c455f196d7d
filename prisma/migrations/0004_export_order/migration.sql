-- AlterTable
ALTER TABLE "enterprise" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "incubation" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "job_record" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- AlterTable
ALTER TABLE "funding" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "enterprise_seq_key" ON "enterprise"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "incubation_seq_key" ON "incubation"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "job_record_seq_key" ON "job_record"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "funding_seq_key" ON "funding"("seq");

