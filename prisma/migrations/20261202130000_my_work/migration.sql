-- AlterTable
ALTER TABLE "User" ADD COLUMN     "myWorkSeenAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "ProgressReport_state_unitId_idx" ON "ProgressReport"("state", "unitId");

-- CreateIndex
CREATE INDEX "DomainEvent_type_occurredAt_idx" ON "DomainEvent"("type", "occurredAt");

