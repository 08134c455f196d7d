-- AlterTable
ALTER TABLE "enterprise" ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "incubation" ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "job_record" ADD COLUMN     "published_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "funding" ADD COLUMN     "published_at" TIMESTAMPTZ(3);


-- When a record was first published: the legal deadline for grants (SCDL, décret 2017-779) is
-- counted against it. Set by the database so that no writer can forget it.
CREATE FUNCTION note_first_publication() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'PUBLISHED' AND NEW."published_at" IS NULL THEN
    NEW."published_at" := now();
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "enterprise_first_publication" BEFORE INSERT OR UPDATE OF "status" ON "enterprise" FOR EACH ROW EXECUTE FUNCTION note_first_publication();
CREATE TRIGGER "incubation_first_publication" BEFORE INSERT OR UPDATE OF "status" ON "incubation" FOR EACH ROW EXECUTE FUNCTION note_first_publication();
CREATE TRIGGER "job_record_first_publication" BEFORE INSERT OR UPDATE OF "status" ON "job_record" FOR EACH ROW EXECUTE FUNCTION note_first_publication();
CREATE TRIGGER "funding_first_publication" BEFORE INSERT OR UPDATE OF "status" ON "funding" FOR EACH ROW EXECUTE FUNCTION note_first_publication();

-- Records published before this column existed.
UPDATE "enterprise" SET "published_at" = "updated_at" WHERE "status" = 'PUBLISHED' AND "published_at" IS NULL;
UPDATE "incubation" SET "published_at" = "updated_at" WHERE "status" = 'PUBLISHED' AND "published_at" IS NULL;
UPDATE "job_record" SET "published_at" = "updated_at" WHERE "status" = 'PUBLISHED' AND "published_at" IS NULL;
UPDATE "funding" SET "published_at" = "updated_at" WHERE "status" = 'PUBLISHED' AND "published_at" IS NULL;

ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_published_dated" CHECK ("status" <> 'PUBLISHED' OR "published_at" IS NOT NULL);
ALTER TABLE "incubation" ADD CONSTRAINT "incubation_published_dated" CHECK ("status" <> 'PUBLISHED' OR "published_at" IS NOT NULL);
ALTER TABLE "job_record" ADD CONSTRAINT "job_record_published_dated" CHECK ("status" <> 'PUBLISHED' OR "published_at" IS NOT NULL);
ALTER TABLE "funding" ADD CONSTRAINT "funding_published_dated" CHECK ("status" <> 'PUBLISHED' OR "published_at" IS NOT NULL);
