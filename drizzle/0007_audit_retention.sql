-- The audit trail stays append-only, except that the retention job may remove rows older than
-- the cut-off it sets in audit_retention (inside its own transaction). UPDATE stays blocked.
INSERT INTO `audit_retention` (`id`, `cutoff_at`) VALUES (1, 0);
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_event_no_delete;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
WHEN old.at >= coalesce((SELECT cutoff_at FROM audit_retention WHERE id = 1), 0)
BEGIN
	SELECT RAISE(ABORT, 'audit_event is append-only');
END;
