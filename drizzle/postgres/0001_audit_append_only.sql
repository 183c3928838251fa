-- The audit trail is append-only: rows can be added, never changed or removed, except that the
-- retention job may delete rows older than the cut-off it sets in audit_retention inside its own
-- transaction (and sets back to 0 before committing). Mirrors drizzle/0001 and drizzle/0007.
-- TRUNCATE is refused too: it would bypass the row triggers.
INSERT INTO "audit_retention" ("id", "cutoff_at") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' AND OLD."at" < to_timestamp(
		coalesce((SELECT "cutoff_at" FROM "audit_retention" WHERE "id" = 1), 0) / 1000.0
	) THEN
		RETURN OLD;
	END IF;
	RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON "audit_event"
	FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON "audit_event"
	FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
	FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
