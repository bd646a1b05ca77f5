-- CreateEnum
CREATE TYPE "ApiTokenScope" AS ENUM ('READ', 'WRITE');

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "scope" "ApiTokenScope" NOT NULL DEFAULT 'READ';

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuthSession_userId_idx" ON "AuthSession"("userId");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Tokens made before this change could write: they keep that scope.
UPDATE "ApiToken" SET "scope" = 'WRITE';

-- Tokens that a password reset or a disabled account already made unusable are marked revoked.
UPDATE "ApiToken" AS t SET "revokedAt" = u."sessionsValidFrom"
FROM "User" AS u
WHERE t."userId" = u."id" AND t."revokedAt" IS NULL AND u."sessionsValidFrom" IS NOT NULL AND t."createdAt" < u."sessionsValidFrom";

-- Tokens without an expiry get the default one (90 days from now).
UPDATE "ApiToken" SET "expiresAt" = CURRENT_TIMESTAMP + INTERVAL '90 days' WHERE "expiresAt" IS NULL AND "revokedAt" IS NULL;
