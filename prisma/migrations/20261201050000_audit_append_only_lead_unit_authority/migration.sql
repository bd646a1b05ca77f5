-- The audit trail is append-only: the database itself refuses to change or remove
-- an AuditEvent row, whatever code (or SQL session) tries. Rows are only ever inserted.
-- Deleting a user who has audit events is refused too (the actor foreign key would
-- update those rows): accounts are disabled, never deleted.
-- Prisma's migration runner splits scripts at every semicolon (even inside quotes),
-- so the function body is an E'' string with its semicolons written as \073.
CREATE FUNCTION luoshi_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''AuditEvent is append-only: % refused'', TG_OP USING ERRCODE = ''insufficient_privilege''\073
END';

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION luoshi_audit_append_only();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION luoshi_audit_append_only();

-- Lead-unit authority: a measure's past months are now rebuilt from its LEAD unit's
-- reports only (cooperating units' reports never count), so the trend cache, computed
-- under the old rule, is emptied (it is rebuilt on the next view), and a change of
-- lead unit drops the measure's cached months like a change of dates does.
DELETE FROM "MeasureMonthState";
DELETE FROM "MeasureTrendCache";

CREATE TRIGGER "Measure_trend_cache_lead_unit" AFTER UPDATE OF "leadUnitId" ON "Measure"
  FOR EACH ROW
  WHEN (OLD."leadUnitId" IS DISTINCT FROM NEW."leadUnitId")
  EXECUTE FUNCTION luoshi_trend_cache_drop_for_measure();
