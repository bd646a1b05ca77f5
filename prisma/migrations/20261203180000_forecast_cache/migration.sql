-- CreateTable
CREATE TABLE "MeasureForecastCache" (
    "measureId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "class" TEXT NOT NULL,
    "finish" TEXT,

    CONSTRAINT "MeasureForecastCache_pkey" PRIMARY KEY ("measureId")
);

-- CreateIndex
CREATE INDEX "MeasureForecastCache_month_class_idx" ON "MeasureForecastCache"("month", "class");

-- AddForeignKey
ALTER TABLE "MeasureForecastCache" ADD CONSTRAINT "MeasureForecastCache_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The forecast cache is invalidated by the trend cache's triggers (migration 20261128090000 and
-- later): the same functions now drop the measure's forecast too. Function bodies as E'' strings
-- with semicolons written as \073 (Prisma's runner splits at every semicolon).
CREATE OR REPLACE FUNCTION luoshi_trend_cache_drop_for_report() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM luoshi_trend_cache_lock()\073
  IF TG_OP <> ''INSERT'' THEN
    DELETE FROM "MeasureTrendCache" WHERE "measureId" = OLD."measureId"\073
    DELETE FROM "MeasureForecastCache" WHERE "measureId" = OLD."measureId"\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    DELETE FROM "MeasureTrendCache" WHERE "measureId" = NEW."measureId"\073
    DELETE FROM "MeasureForecastCache" WHERE "measureId" = NEW."measureId"\073
  END IF\073
  RETURN NULL\073
END';

CREATE OR REPLACE FUNCTION luoshi_trend_cache_drop_for_measure() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM luoshi_trend_cache_lock()\073
  DELETE FROM "MeasureTrendCache" WHERE "measureId" = NEW.id\073
  DELETE FROM "MeasureForecastCache" WHERE "measureId" = NEW.id\073
  RETURN NULL\073
END';

-- The forecast also reads the ongoing flag (a standing task is not projected).
CREATE TRIGGER "Measure_forecast_cache_ongoing" AFTER UPDATE OF ongoing ON "Measure"
  FOR EACH ROW
  WHEN (OLD.ongoing IS DISTINCT FROM NEW.ongoing)
  EXECUTE FUNCTION luoshi_trend_cache_drop_for_measure();
