-- Mirrors drizzle/0012_audit_erasure.sql: erasure (GDPR art. 17) may pseudonymise the erased
-- person's audit rows while audit_erasure names them (set and cleared inside the erasure's
-- transaction), only on rows about that person, and only by removing values (actor, target id,
-- detail keys) without changing any other. Every other UPDATE, DELETE and TRUNCATE is still
-- refused, except the retention job's deletes below its cut-off.
INSERT INTO "audit_erasure" ("id", "user_id", "email") VALUES (1, NULL, NULL);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	erased_id integer;
	erased_email text;
BEGIN
	IF TG_OP = 'DELETE' AND OLD."at" < to_timestamp(
		coalesce((SELECT "cutoff_at" FROM "audit_retention" WHERE "id" = 1), 0) / 1000.0
	) THEN
		RETURN OLD;
	END IF;
	IF TG_OP = 'UPDATE' THEN
		SELECT "user_id", "email" INTO erased_id, erased_email FROM "audit_erasure" WHERE "id" = 1;
		IF erased_id IS NOT NULL
			AND (
				OLD."actor_user_id" = erased_id
				OR (OLD."target_type" = 'user' AND OLD."target_id" = erased_id::text)
				OR (
					length(erased_email) > 3
					AND position(lower(erased_email) IN lower(coalesce(OLD."details"::text, ''))) > 0
				)
			)
			AND NEW."id" = OLD."id"
			AND NEW."at" = OLD."at"
			AND NEW."action" = OLD."action"
			AND NEW."target_type" IS NOT DISTINCT FROM OLD."target_type"
			AND NEW."organisation_id" IS NOT DISTINCT FROM OLD."organisation_id"
			AND NEW."request_id" IS NOT DISTINCT FROM OLD."request_id"
			AND (NEW."actor_user_id" IS NULL OR NEW."actor_user_id" IS NOT DISTINCT FROM OLD."actor_user_id")
			AND (NEW."target_id" IS NULL OR NEW."target_id" IS NOT DISTINCT FROM OLD."target_id")
			AND (
				NEW."details" IS NULL
				OR NEW."details" IS NOT DISTINCT FROM OLD."details"
				OR (
					jsonb_typeof(NEW."details") = 'object'
					AND jsonb_typeof(OLD."details") = 'object'
					AND NOT EXISTS (
						SELECT 1 FROM jsonb_each(NEW."details") AS n
						WHERE NOT EXISTS (
							SELECT 1 FROM jsonb_each(OLD."details") AS o
							WHERE o.key = n.key AND o.value = n.value
						)
					)
				)
			)
		THEN
			RETURN NEW;
		END IF;
	END IF;
	RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;
