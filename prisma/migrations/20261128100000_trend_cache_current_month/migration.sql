-- The cache is rebuilt on the next view: empty it so the new column needs no default.
DELETE FROM "MeasureMonthState";
DELETE FROM "MeasureTrendCache";

-- AlterTable
ALTER TABLE "MeasureTrendCache" ADD COLUMN     "asOfDay" DATE NOT NULL;

