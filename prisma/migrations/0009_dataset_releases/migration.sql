-- CreateTable
CREATE TABLE "release" (
    "number" INTEGER NOT NULL,
    "released_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,
    "is_demo" BOOLEAN NOT NULL,
    "data_change" BIGINT NOT NULL,
    "changelog" JSONB NOT NULL,
    "columns" JSONB NOT NULL,

    CONSTRAINT "release_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "release_row" (
    "dataset" TEXT NOT NULL,
    "row_key" TEXT NOT NULL,
    "valid_from" INTEGER NOT NULL,
    "valid_to" INTEGER,
    "data" JSONB NOT NULL,

    CONSTRAINT "release_row_pkey" PRIMARY KEY ("dataset","row_key","valid_from")
);


ALTER TABLE "release" ADD CONSTRAINT "release_number_positive" CHECK ("number" > 0);
ALTER TABLE "release_row" ADD CONSTRAINT "release_row_span" CHECK ("valid_to" IS NULL OR "valid_to" > "valid_from");

-- Versions are cited: once taken, a release and its rows never change. The one write allowed is
-- closing a current row (setting its valid_to) when a later release corrects or withdraws it.
CREATE FUNCTION keep_releases_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Nested: PL/pgSQL may evaluate every operand, and "release" rows have no valid_to.
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'release_row' THEN
    IF OLD."valid_to" IS NULL AND NEW."valid_to" IS NOT NULL
       AND (NEW."dataset", NEW."row_key", NEW."valid_from", NEW."data") IS NOT DISTINCT FROM (OLD."dataset", OLD."row_key", OLD."valid_from", OLD."data") THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'a released version of the data cannot be changed (% on %)', TG_OP, TG_TABLE_NAME;
END
$$;
CREATE TRIGGER "release_immutable" BEFORE UPDATE OR DELETE ON "release" FOR EACH ROW EXECUTE FUNCTION keep_releases_immutable();
CREATE TRIGGER "release_row_immutable" BEFORE UPDATE OR DELETE ON "release_row" FOR EACH ROW EXECUTE FUNCTION keep_releases_immutable();
