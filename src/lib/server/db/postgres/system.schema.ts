// PostgreSQL mirror of ../system.schema.ts: outgoing mail and the append-only audit trail (its
// triggers are in drizzle/postgres/0001_audit_append_only.sql).
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampMs } from './columns';

export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		kind: text('kind').notNull(),
		recipient: text('recipient').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		/** pending -> sending -> sent | failed; `kept` when no SMTP server is configured. */
		status: text('status', { enum: ['pending', 'sending', 'sent', 'failed', 'kept'] })
			.notNull()
			.default('pending'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		createdAt: timestampMs('created_at').notNull().defaultNow(),
		sentAt: timestampMs('sent_at')
	},
	(t) => [index('mail_outbox_status').on(t.status, t.id)]
);

export const auditEvent = pgTable(
	'audit_event',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		at: timestampMs('at').notNull().defaultNow(),
		actorUserId: integer('actor_user_id'),
		action: text('action').notNull(),
		targetType: text('target_type'),
		targetId: text('target_id'),
		organisationId: integer('organisation_id'),
		requestId: text('request_id'),
		details: jsonb('details').$type<Record<string, unknown>>()
	},
	(t) => [
		index('audit_event_at').on(t.at),
		index('audit_event_actor').on(t.actorUserId, t.at),
		index('audit_event_action').on(t.action, t.at)
	]
);
