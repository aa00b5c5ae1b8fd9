-- CreateEnum
CREATE TYPE "AssignmentKind" AS ENUM ('LESSON', 'EXERCISE', 'PLAYGROUND');

-- DropIndex
DROP INDEX "Assignment_cohortId_lessonSlug_key";

-- AlterTable: every assignment so far is a lesson, its target the lesson's slug.
ALTER TABLE "Assignment" ADD COLUMN     "kind" "AssignmentKind" NOT NULL DEFAULT 'LESSON',
ADD COLUMN     "note" TEXT,
ADD COLUMN     "target" TEXT;
UPDATE "Assignment" SET "target" = "lessonSlug";
ALTER TABLE "Assignment" ALTER COLUMN "target" SET NOT NULL;
-- A lesson's target is the lesson, and only a playground setup carries a note.
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_lesson_target_check"
  CHECK ("kind" <> 'LESSON' OR "target" = "lessonSlug");
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_note_check"
  CHECK ("note" IS NULL OR ("kind" = 'PLAYGROUND' AND length("note") <= 200));

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_createdAt_idx" ON "AuditEntry"("createdAt");

-- CreateIndex
CREATE INDEX "AuditEntry_subjectType_subjectId_idx" ON "AuditEntry"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_cohortId_kind_target_key" ON "Assignment"("cohortId", "kind", "target");


-- The audit log is append-only: no one edits or deletes what an admin did. Rules rather than a
-- trigger: the migration runner (the pg driver adapter) splits a script at every semicolon, so a
-- PL/pgSQL body cannot be written here. An UPDATE or DELETE changes no row.
CREATE RULE "AuditEntry_no_update" AS ON UPDATE TO "AuditEntry" DO INSTEAD NOTHING;
CREATE RULE "AuditEntry_no_delete" AS ON DELETE TO "AuditEntry" DO INSTEAD NOTHING;
