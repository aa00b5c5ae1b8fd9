-- AlterTable
ALTER TABLE "Cohort" ADD COLUMN     "reminderDays" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailReminders" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "mailSummary" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "AssignmentReminder" (
    "assignmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssignmentReminder_pkey" PRIMARY KEY ("assignmentId","userId","dueAt")
);

-- CreateTable
CREATE TABLE "EducatorSummary" (
    "userId" TEXT NOT NULL,
    "weekOf" DATE NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EducatorSummary_pkey" PRIMARY KEY ("userId","weekOf")
);

-- CreateIndex
CREATE INDEX "AssignmentReminder_userId_idx" ON "AssignmentReminder"("userId");

-- CreateIndex
CREATE INDEX "Assignment_dueAt_idx" ON "Assignment"("dueAt");

-- AddForeignKey
ALTER TABLE "AssignmentReminder" ADD CONSTRAINT "AssignmentReminder_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "Assignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssignmentReminder" ADD CONSTRAINT "AssignmentReminder_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EducatorSummary" ADD CONSTRAINT "EducatorSummary_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Reminders go out up to two weeks ahead, or not at all (0).
ALTER TABLE "Cohort" ADD CONSTRAINT "Cohort_reminderDays_check" CHECK ("reminderDays" BETWEEN 0 AND 14);
