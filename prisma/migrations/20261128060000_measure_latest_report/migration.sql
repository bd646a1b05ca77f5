-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "latestReportPeriod" DATE,
ADD COLUMN     "latestReportState" "ReportState";


-- Backfill from the reports already there.
UPDATE "Measure" m
SET "latestReportState" = latest.state, "latestReportPeriod" = latest.period
FROM (
  SELECT DISTINCT ON ("measureId") "measureId", state, period
  FROM "ProgressReport"
  WHERE state <> 'DRAFT'
  ORDER BY "measureId", period DESC, "updatedAt" DESC
) latest
WHERE latest."measureId" = m.id;
