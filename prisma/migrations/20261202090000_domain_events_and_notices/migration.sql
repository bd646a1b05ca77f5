-- CreateEnum
CREATE TYPE "NoticeLevel" AS ENUM ('REMINDER', 'SUPERVISE', 'SPECIAL');

-- CreateEnum
CREATE TYPE "NoticeState" AS ENUM ('OPEN', 'REPLIED', 'RETURNED', 'ACCEPTED', 'ESCALATED');

-- CreateTable
CREATE TABLE "DomainEvent" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "measureId" TEXT,
    "audienceUnitIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audienceUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audienceRoles" "Role"[] DEFAULT ARRAY[]::"Role"[],
    "actorId" TEXT,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dispatchedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "measureId" TEXT NOT NULL,
    "level" "NoticeLevel" NOT NULL,
    "state" "NoticeState" NOT NULL DEFAULT 'OPEN',
    "body" TEXT NOT NULL,
    "replyDueDate" DATE NOT NULL,
    "issuedById" TEXT,
    "ruleKey" TEXT,
    "autoKey" TEXT,
    "escalatedFromId" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NoticeRecipient" (
    "noticeId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "isLead" BOOLEAN NOT NULL,

    CONSTRAINT "NoticeRecipient_pkey" PRIMARY KEY ("noticeId","unitId")
);

-- CreateTable
CREATE TABLE "NoticeReply" (
    "id" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "newDueDate" DATE,
    "decision" "NoticeState",
    "decidedById" TEXT,
    "decisionComment" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticeReply_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DomainEvent_key_key" ON "DomainEvent"("key");

-- CreateIndex
CREATE INDEX "DomainEvent_measureId_occurredAt_idx" ON "DomainEvent"("measureId", "occurredAt");

-- CreateIndex
CREATE INDEX "DomainEvent_dispatchedAt_id_idx" ON "DomainEvent"("dispatchedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_autoKey_key" ON "Notice"("autoKey");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_escalatedFromId_key" ON "Notice"("escalatedFromId");

-- CreateIndex
CREATE INDEX "Notice_measureId_createdAt_idx" ON "Notice"("measureId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_state_replyDueDate_idx" ON "Notice"("state", "replyDueDate");

-- CreateIndex
CREATE UNIQUE INDEX "Notice_year_number_key" ON "Notice"("year", "number");

-- CreateIndex
CREATE INDEX "NoticeRecipient_unitId_idx" ON "NoticeRecipient"("unitId");

-- CreateIndex
CREATE INDEX "NoticeReply_noticeId_createdAt_idx" ON "NoticeReply"("noticeId", "createdAt");

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_escalatedFromId_fkey" FOREIGN KEY ("escalatedFromId") REFERENCES "Notice"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeRecipient" ADD CONSTRAINT "NoticeRecipient_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeRecipient" ADD CONSTRAINT "NoticeRecipient_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReply" ADD CONSTRAINT "NoticeReply_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "Notice"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReply" ADD CONSTRAINT "NoticeReply_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReply" ADD CONSTRAINT "NoticeReply_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NoticeReply" ADD CONSTRAINT "NoticeReply_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

