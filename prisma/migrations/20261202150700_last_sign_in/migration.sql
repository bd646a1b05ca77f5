-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMPTZ(3);

-- Backfill from the audit log, which has recorded every successful sign-in.
UPDATE "User" u SET "lastSignInAt" = s.at
FROM (SELECT "entityId", max("createdAt") AS at FROM "AuditEvent"
      WHERE "entityType" = 'User' AND action = 'auth.login.succeeded' GROUP BY "entityId") s
WHERE s."entityId" = u.id;
