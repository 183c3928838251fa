// Platform bookkeeping: outgoing mail and the append-only audit trail.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const now = sql`(unixepoch('subsec') * 1000)`;

export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
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
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('mail_outbox_status').on(t.status, t.id)]
);

export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull().default(now),
		actorUserId: integer('actor_user_id'),
		action: text('action').notNull(),
		targetType: text('target_type'),
		targetId: text('target_id'),
		organisationId: integer('organisation_id'),
		requestId: text('request_id'),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(t) => [
		index('audit_event_at').on(t.at),
		index('audit_event_actor').on(t.actorUserId, t.at),
		index('audit_event_action').on(t.action, t.at)
	]
);

export type MailOutbox = typeof mailOutbox.$inferSelect;
export type AuditEvent = typeof auditEvent.$inferSelect;
