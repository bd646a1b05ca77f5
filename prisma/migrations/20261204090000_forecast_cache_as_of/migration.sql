-- The forecast cache also holds forecasts as of past months: one row per measure and as-of
-- month. The trend cache's triggers already delete a measure's rows by "measureId", so they drop
-- every as-of month of it too (a late-approved report for a past month changes a past forecast);
-- no trigger function changes here.
ALTER TABLE "MeasureForecastCache" DROP CONSTRAINT "MeasureForecastCache_pkey";
ALTER TABLE "MeasureForecastCache" ADD CONSTRAINT "MeasureForecastCache_pkey" PRIMARY KEY ("measureId", "month");
