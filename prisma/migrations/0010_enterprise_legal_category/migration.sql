-- AlterTable
ALTER TABLE "enterprise" ADD COLUMN     "legal_category" CHAR(4);


-- The code's format here; its existence in INSEE's nomenclature is checked by the application.
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_legal_category_format" CHECK ("legal_category" ~ '^[0-9]{4}$');
