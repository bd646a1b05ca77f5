-- CreateTable
CREATE TABLE "MeasureTrendStart" (
    "measureId" TEXT NOT NULL,
    "firstApprovedPeriod" DATE,

    CONSTRAINT "MeasureTrendStart_pkey" PRIMARY KEY ("measureId")
);

-- AddForeignKey
ALTER TABLE "MeasureTrendStart" ADD CONSTRAINT "MeasureTrendStart_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every measure's row, from its lead unit's approved reports. From now on the trend cache's
-- refresh rewrites the row of each measure whose MeasureTrendCache row a trigger dropped, so a
-- measure with a MeasureTrendCache row always has a current MeasureTrendStart row.
INSERT INTO "MeasureTrendStart" ("measureId", "firstApprovedPeriod")
SELECT m.id, (SELECT min(r.period) FROM "ProgressReport" r WHERE r."measureId" = m.id AND r."unitId" = m."leadUnitId" AND r.state = 'APPROVED')
FROM "Measure" m;
