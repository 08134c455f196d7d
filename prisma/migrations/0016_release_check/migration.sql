-- CreateTable
CREATE TABLE "release_check" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "data_change" BIGINT NOT NULL,

    CONSTRAINT "release_check_pkey" PRIMARY KEY ("id")
);


-- One row only, written by each release check (releases.ts) under the release table's lock.
ALTER TABLE "release_check" ADD CONSTRAINT "release_check_single_row" CHECK ("id" = 1);
-- A database with versions already taken: the latest one's check is the latest check.
INSERT INTO "release_check" ("id", "data_change") SELECT 1, "data_change" FROM "release" ORDER BY "number" DESC LIMIT 1;
