-- DropIndex
DROP INDEX "CohortInvitation_code_key";

-- AlterTable: invitation links keep working, their secrets now stored as SHA-256 (hex) only.
ALTER TABLE "CohortInvitation" ADD COLUMN "codeHash" TEXT,
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
UPDATE "CohortInvitation" SET "codeHash" = encode(sha256(convert_to("code", 'UTF8')), 'hex'), "sentAt" = "createdAt";
ALTER TABLE "CohortInvitation" ALTER COLUMN "codeHash" SET NOT NULL;
ALTER TABLE "CohortInvitation" DROP COLUMN "code";

-- CreateTable
CREATE TABLE "PupilCard" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "cohortId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMP(3),

    CONSTRAINT "PupilCard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PupilCard_userId_key" ON "PupilCard"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "PupilCard_codeHash_key" ON "PupilCard"("codeHash");

-- CreateIndex
CREATE INDEX "PupilCard_cohortId_idx" ON "PupilCard"("cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CohortInvitation_codeHash_key" ON "CohortInvitation"("codeHash");

-- AddForeignKey
ALTER TABLE "PupilCard" ADD CONSTRAINT "PupilCard_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PupilCard" ADD CONSTRAINT "PupilCard_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

