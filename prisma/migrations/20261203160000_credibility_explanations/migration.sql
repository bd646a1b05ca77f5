-- Credibility checks (issue #20): a reviewer's note that a flag on a report is explained.

-- CreateTable
CREATE TABLE "CredibilityExplanation" (
    "reportId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "explainedById" TEXT NOT NULL,
    "explainedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CredibilityExplanation_pkey" PRIMARY KEY ("reportId","rule")
);

-- AddForeignKey
ALTER TABLE "CredibilityExplanation" ADD CONSTRAINT "CredibilityExplanation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CredibilityExplanation" ADD CONSTRAINT "CredibilityExplanation_explainedById_fkey" FOREIGN KEY ("explainedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
