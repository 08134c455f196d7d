-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('CREATE', 'UPDATE', 'SUBMIT', 'PUBLISH', 'REJECT', 'DELETE', 'GRANT_ROLE', 'REVOKE_ROLE', 'HIDE');

-- AlterTable
ALTER TABLE "enterprise" ADD COLUMN     "review_note" TEXT;

-- AlterTable
ALTER TABLE "incubation" ADD COLUMN     "review_note" TEXT;

-- AlterTable
ALTER TABLE "job_record" ADD COLUMN     "review_note" TEXT;

-- AlterTable
ALTER TABLE "funding" ADD COLUMN     "review_note" TEXT;

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "login_attempt" (
    "id" BIGSERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "seq" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" UUID,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "action" "AuditAction" NOT NULL,
    "owner_partner_id" UUID,
    "before" JSONB,
    "after" JSONB,
    "note" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "author_id" UUID NOT NULL,
    "entity" TEXT,
    "entity_id" UUID,
    "view_path" TEXT,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_by_id" UUID,

    CONSTRAINT "comment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "session_token_hash_key" ON "session"("token_hash");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "login_attempt_email_at_idx" ON "login_attempt"("email", "at");

-- CreateIndex
CREATE INDEX "login_attempt_ip_at_idx" ON "login_attempt"("ip", "at");

-- CreateIndex
CREATE UNIQUE INDEX "audit_event_seq_key" ON "audit_event"("seq");

-- CreateIndex
CREATE INDEX "audit_event_entity_entity_id_at_idx" ON "audit_event"("entity", "entity_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_at_idx" ON "audit_event"("at");

-- CreateIndex
CREATE INDEX "comment_entity_entity_id_idx" ON "comment"("entity", "entity_id");

-- CreateIndex
CREATE INDEX "comment_view_path_idx" ON "comment"("view_path");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment" ADD CONSTRAINT "comment_hidden_by_id_fkey" FOREIGN KEY ("hidden_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- A comment is on one record or on one dashboard view, never both; its text is bounded.
ALTER TABLE "comment" ADD CONSTRAINT "comment_one_target"
  CHECK ((("entity" IS NOT NULL AND "entity_id" IS NOT NULL) AND "view_path" IS NULL) OR ("entity" IS NULL AND "entity_id" IS NULL AND "view_path" IS NOT NULL));
ALTER TABLE "comment" ADD CONSTRAINT "comment_body_length" CHECK (char_length(btrim("body")) BETWEEN 1 AND 4000);

-- Natural key of a funding, the one imports match on: the funder's decision (délibération,
-- convention) for one beneficiary. Re-importing a file finds the same rows again.
CREATE UNIQUE INDEX "funding_natural_key" ON "funding" ("funder_id", "decision_reference", coalesce("beneficiary_enterprise_id", "beneficiary_partner_id"))
  WHERE "decision_reference" IS NOT NULL;
