CREATE TABLE `audit_erasure` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` integer,
	`email` text
);
--> statement-breakpoint
-- Erasure (GDPR art. 17) pseudonymises the erased person's audit rows: their id as actor or
-- target and the personal details (address, e-mail) go, what happened and when stays. The
-- trail stays append-only for everything else: an UPDATE passes only while audit_erasure names
-- a person (set and cleared inside the erasure's transaction), only on rows about that person,
-- and only when it removes values (actor, target id, detail keys) without changing any other.
INSERT INTO `audit_erasure` (`id`, `user_id`, `email`) VALUES (1, NULL, NULL);
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_event_no_update;
--> statement-breakpoint
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
WHEN NOT coalesce((
	(SELECT user_id FROM audit_erasure WHERE id = 1) IS NOT NULL
	AND (
		old.actor_user_id = (SELECT user_id FROM audit_erasure WHERE id = 1)
		OR (
			old.target_type = 'user'
			AND old.target_id = CAST((SELECT user_id FROM audit_erasure WHERE id = 1) AS TEXT)
		)
		OR (
			length((SELECT email FROM audit_erasure WHERE id = 1)) > 3
			AND instr(
				lower(coalesce(old.details, '')),
				(SELECT lower(email) FROM audit_erasure WHERE id = 1)
			) > 0
		)
	)
	AND new.id = old.id
	AND new.at = old.at
	AND new.action = old.action
	AND new.target_type IS old.target_type
	AND new.organisation_id IS old.organisation_id
	AND new.request_id IS old.request_id
	AND (new.actor_user_id IS NULL OR new.actor_user_id IS old.actor_user_id)
	AND (new.target_id IS NULL OR new.target_id IS old.target_id)
	AND (
		new.details IS NULL
		OR new.details IS old.details
		OR (
			json_valid(new.details)
			AND json_valid(old.details)
			AND json_type(new.details) = 'object'
			AND NOT EXISTS (
				SELECT 1 FROM json_each(new.details) AS n
				WHERE NOT EXISTS (
					SELECT 1 FROM json_each(old.details) AS o
					WHERE o.key = n.key AND o.type = n.type AND o.value IS n.value
				)
			)
		)
	)
), 0)
BEGIN
	SELECT RAISE(ABORT, 'audit_event is append-only');
END;
