-- CreateTable
CREATE TABLE "data_change" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" BIGINT NOT NULL DEFAULT 0,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "data_change_pkey" PRIMARY KEY ("id")
);


-- One row only; triggers (once per statement, so a bulk insert counts once) move it forward.
ALTER TABLE "data_change" ADD CONSTRAINT "data_change_single_row" CHECK ("id" = 1);
INSERT INTO "data_change" ("id") VALUES (1);

CREATE FUNCTION note_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "data_change" SET "version" = "version" + 1, "changed_at" = now() WHERE "id" = 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER "commune_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "commune" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "partner_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "partner" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "enterprise_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "enterprise" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "incubation_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "incubation" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "job_record_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "job_record" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "funding_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "funding" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
CREATE TRIGGER "app_setting_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app_setting" FOR EACH STATEMENT EXECUTE FUNCTION note_data_change();
