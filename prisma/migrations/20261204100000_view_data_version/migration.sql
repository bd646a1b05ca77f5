-- CreateTable
CREATE TABLE "ViewDataVersion" (
    "shard" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ViewDataVersion_pkey" PRIMARY KEY ("shard")
);

INSERT INTO "ViewDataVersion" (shard, version) SELECT g, 0 FROM generate_series(0, 63) AS g;

-- The views' data version (lib/cache/view-cache.ts). Every write to a table the dashboard,
-- its forecast card or its notice counts read adds one to a shard of ViewDataVersion, in the
-- writing transaction, so the new version becomes visible exactly when the new data does.
-- At most once per transaction (a transaction-local setting, and a rolled-back savepoint rolls
-- the setting back with its update), and on the shard of the writer's backend, so concurrent
-- writers rarely queue on one row lock. Cache tables, sessions, audit and outbox tables have
-- no such trigger: the views' own cache fills must not change the version.
-- Function body as an E'' string with semicolons written as \073 (Prisma splits at each one).
CREATE FUNCTION luoshi_view_data_bump() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF current_setting(''luoshi.view_data_bumped'', true) IS DISTINCT FROM ''on'' THEN
    PERFORM set_config(''luoshi.view_data_bumped'', ''on'', true)\073
    UPDATE "ViewDataVersion" SET version = version + 1 WHERE shard = pg_backend_pid() % 64\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "Measure_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Measure"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "ProgressReport_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ProgressReport"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "MeasureCity_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeasureCity"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "MeasureSuspension_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeasureSuspension"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "Area_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Area"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "Programme_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Programme"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "City_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "City"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "Unit_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Unit"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "Setting_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Setting"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "Notice_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Notice"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
CREATE TRIGGER "NoticeRecipient_view_data" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "NoticeRecipient"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_view_data_bump();
