-- Statistical confidentiality (secret statistique): one enterprise's yearly jobs are no longer
-- published to everyone; the open `jobs` dataset becomes the protected table. Versions taken
-- before this kept those microdata in their jobs files: they are withdrawn from every version,
-- the one change ever made to a version, whose jobs file is then empty.
ALTER TABLE "release_row" DISABLE TRIGGER "release_row_immutable";
DELETE FROM "release_row" WHERE "dataset" = 'jobs';
ALTER TABLE "release_row" ENABLE TRIGGER "release_row_immutable";
