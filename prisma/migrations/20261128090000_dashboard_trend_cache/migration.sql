-- CreateTable
CREATE TABLE "MeasureMonthState" (
    "measureId" TEXT NOT NULL,
    "month" DATE NOT NULL,
    "areaId" TEXT NOT NULL,
    "light" TEXT NOT NULL,
    "percent" INTEGER NOT NULL,

    CONSTRAINT "MeasureMonthState_pkey" PRIMARY KEY ("measureId","month")
);

-- CreateTable
CREATE TABLE "TrendAreaMonth" (
    "month" DATE NOT NULL,
    "areaId" TEXT NOT NULL,
    "light" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "percent" BIGINT NOT NULL,

    CONSTRAINT "TrendAreaMonth_pkey" PRIMARY KEY ("month","areaId","light")
);

-- CreateTable
CREATE TABLE "MeasureTrendCache" (
    "measureId" TEXT NOT NULL,
    "fromMonth" DATE NOT NULL,
    "throughMonth" DATE NOT NULL,
    "settingsKey" TEXT NOT NULL,

    CONSTRAINT "MeasureTrendCache_pkey" PRIMARY KEY ("measureId")
);

-- CreateIndex
CREATE INDEX "MeasureMonthState_month_areaId_idx" ON "MeasureMonthState"("month", "areaId");

-- AddForeignKey
ALTER TABLE "MeasureMonthState" ADD CONSTRAINT "MeasureMonthState_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureTrendCache" ADD CONSTRAINT "MeasureTrendCache_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Invalidation of the trend cache, in the database so that no write path can miss it.
-- Writers take a shared advisory lock, and lib/dashboard/trend-cache.ts fills the cache
-- under the exclusive one, so a fill never races a write that it cannot see.
-- Prisma's migration runner splits scripts at every semicolon (even inside $$ quotes),
-- so the function bodies are E'' strings with the semicolons written as \073.
CREATE FUNCTION luoshi_trend_cache_lock() RETURNS void LANGUAGE sql
  AS 'SELECT pg_advisory_xact_lock_shared(7146021)';

CREATE FUNCTION luoshi_trend_cache_lock_statement() RETURNS trigger LANGUAGE plpgsql
  AS E'BEGIN PERFORM luoshi_trend_cache_lock()\073 RETURN NULL\073 END';

CREATE FUNCTION luoshi_trend_cache_drop_for_report() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM luoshi_trend_cache_lock()\073
  IF TG_OP <> ''INSERT'' THEN
    DELETE FROM "MeasureTrendCache" WHERE "measureId" = OLD."measureId"\073
  END IF\073
  IF TG_OP <> ''DELETE'' THEN
    DELETE FROM "MeasureTrendCache" WHERE "measureId" = NEW."measureId"\073
  END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION luoshi_trend_cache_drop_for_measure() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  PERFORM luoshi_trend_cache_lock()\073
  DELETE FROM "MeasureTrendCache" WHERE "measureId" = NEW.id\073
  RETURN NULL\073
END';

CREATE TRIGGER "ProgressReport_trend_cache" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReport"
  FOR EACH ROW EXECUTE FUNCTION luoshi_trend_cache_drop_for_report();

-- A past month's light also depends on the measure's dates and whether it is suspended,
-- and the cached rows carry the measure's area.
CREATE TRIGGER "Measure_trend_cache" AFTER UPDATE OF "startDate", "dueDate", status, "areaId" ON "Measure"
  FOR EACH ROW
  WHEN (OLD."areaId" IS DISTINCT FROM NEW."areaId" OR OLD."startDate" IS DISTINCT FROM NEW."startDate" OR OLD."dueDate" IS DISTINCT FROM NEW."dueDate" OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION luoshi_trend_cache_drop_for_measure();

-- Before a measure's row is locked for deletion (the fill reads measures it may delete).
CREATE TRIGGER "Measure_trend_cache_delete" BEFORE DELETE ON "Measure"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_trend_cache_lock_statement();

-- TrendAreaMonth follows MeasureMonthState: fills, refills and cascaded deletes.
CREATE FUNCTION luoshi_trend_area_month_add() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "TrendAreaMonth" (month, "areaId", light, count, percent)
  SELECT month, "areaId", light, count(*), sum(percent) FROM added GROUP BY month, "areaId", light
  ON CONFLICT (month, "areaId", light) DO UPDATE
    SET count = "TrendAreaMonth".count + EXCLUDED.count, percent = "TrendAreaMonth".percent + EXCLUDED.percent\073
  RETURN NULL\073
END';

CREATE FUNCTION luoshi_trend_area_month_remove() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "TrendAreaMonth" t SET count = t.count - r.count, percent = t.percent - r.percent
  FROM (SELECT month, "areaId", light, count(*) AS count, sum(percent) AS percent FROM removed GROUP BY month, "areaId", light) r
  WHERE t.month = r.month AND t."areaId" = r."areaId" AND t.light = r.light\073
  DELETE FROM "TrendAreaMonth" WHERE count = 0\073
  RETURN NULL\073
END';

CREATE TRIGGER "MeasureMonthState_add" AFTER INSERT ON "MeasureMonthState"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION luoshi_trend_area_month_add();

CREATE TRIGGER "MeasureMonthState_remove" AFTER DELETE ON "MeasureMonthState"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION luoshi_trend_area_month_remove();
