-- AlterTable
ALTER TABLE "enterprise" ADD COLUMN     "ceased_on" DATE;


-- An enterprise can only cease once founded, and not before its founding.
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_ceased_after_founded"
  CHECK ("ceased_on" IS NULL OR ("founded_on" IS NOT NULL AND "ceased_on" >= "founded_on"));
