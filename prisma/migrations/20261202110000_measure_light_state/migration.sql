-- CreateTable
CREATE TABLE "MeasureLightState" (
    "measureId" TEXT NOT NULL,
    "light" TEXT NOT NULL,
    "changedOn" DATE NOT NULL,

    CONSTRAINT "MeasureLightState_pkey" PRIMARY KEY ("measureId")
);

-- AddForeignKey
ALTER TABLE "MeasureLightState" ADD CONSTRAINT "MeasureLightState_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;
