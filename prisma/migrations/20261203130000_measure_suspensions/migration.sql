-- Suspension history (issue #17): every time a measure was suspended, so that
-- as-of views and the trend replay it (a past month is suspended iff the measure
-- was suspended at that month's end), instead of reading today's status.

-- CreateTable
CREATE TABLE "MeasureSuspension" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "suspendedAt" TIMESTAMPTZ(3) NOT NULL,
    "resumedAt" TIMESTAMPTZ(3),
    "reason" TEXT NOT NULL,

    CONSTRAINT "MeasureSuspension_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeasureSuspension_measureId_suspendedAt_idx" ON "MeasureSuspension"("measureId", "suspendedAt");

-- AddForeignKey
ALTER TABLE "MeasureSuspension" ADD CONSTRAINT "MeasureSuspension_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The measures suspended now, since when they were (lib/catalogue/suspend-measure.ts set suspendedAt).
-- One set SUSPENDED without a date (an import, a script) keeps counting as suspended in every month.
INSERT INTO "MeasureSuspension" ("id", "measureId", "suspendedAt", "resumedAt", "reason")
SELECT 'msus_' || md5(m.id || m."suspendedAt"::text), m.id, m."suspendedAt", NULL, COALESCE(m."suspendedReason", '')
FROM "Measure" m
WHERE m.status = 'SUSPENDED' AND m."suspendedAt" IS NOT NULL;

-- A suspension period written or changed drops the measure's cached trend months,
-- like a report does (the same trigger function: it reads OLD/NEW."measureId").
CREATE TRIGGER "MeasureSuspension_trend_cache" AFTER INSERT OR UPDATE OR DELETE ON "MeasureSuspension"
  FOR EACH ROW EXECUTE FUNCTION luoshi_trend_cache_drop_for_report();

-- Cached months were computed with today's status for every month: recompute them.
DELETE FROM "MeasureTrendCache" WHERE "measureId" IN (SELECT "measureId" FROM "MeasureSuspension");
