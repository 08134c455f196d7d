-- AlterTable
ALTER TABLE "partner" ADD COLUMN     "coordinates_ptce" BOOLEAN NOT NULL DEFAULT false;


-- Until now an ADMIN role in any organisation made its holder an admin of the whole PTCE. The
-- organisations whose admins had those powers keep them: they are the coordination.
UPDATE "partner" SET "coordinates_ptce" = true WHERE "id" IN (SELECT "partner_id" FROM "membership" WHERE "role" = 'ADMIN');
