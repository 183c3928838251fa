// Certificates: issued when an assessment is passed, renewed by the refresher, verifiable by code.
import { sql } from 'drizzle-orm';
import {
	index,
	integer,
	sqliteTable,
	text,
	uniqueIndex,
	type AnySQLiteColumn
} from 'drizzle-orm/sqlite-core';
import { organisation, user } from './auth.schema';
import { attempt, moduleVersion } from './learning.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

export const certificate = sqliteTable(
	'certificate',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** At least 128 random bits; shown grouped for reading aloud. */
		code: text('code').notNull().unique(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		/** The organisation the learner belonged to when it was issued (for managers). */
		organisationId: integer('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		moduleSlug: text('module_slug').notNull(),
		moduleVersionId: integer('module_version_id')
			.notNull()
			.references(() => moduleVersion.id),
		attemptId: integer('attempt_id').references(() => attempt.id, { onDelete: 'set null' }),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		renewedFromId: integer('renewed_from_id').references((): AnySQLiteColumn => certificate.id, {
			onDelete: 'set null'
		}),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		revokedBy: integer('revoked_by').references(() => user.id, { onDelete: 'set null' }),
		/** The learner may allow the public verify page to show their organisation. */
		showOrganisation: integer('show_organisation', { mode: 'boolean' }).notNull().default(false),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [
		index('certificate_user').on(t.userId, t.moduleSlug),
		index('certificate_organisation_expiry').on(t.organisationId, t.expiresAt),
		// A certificate is renewed at most once, and one attempt issues at most one certificate
		// per module: a replayed pass or a second process finds the row and issues nothing.
		uniqueIndex('certificate_renewed_from').on(t.renewedFromId),
		uniqueIndex('certificate_attempt_module').on(t.attemptId, t.moduleSlug),
		index('certificate_expiry').on(t.expiresAt)
	]
);

export type Certificate = typeof certificate.$inferSelect;

/**
 * One row per expiry reminder sent (30 days, 7 days, day of expiry). Inserted in the same
 * transaction that queues the mail; the unique key makes a second job run or a second process
 * skip it.
 */
export const certificateReminder = sqliteTable(
	'certificate_reminder',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		certificateId: integer('certificate_id')
			.notNull()
			.references(() => certificate.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['d30', 'd7', 'd0'] }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [uniqueIndex('certificate_reminder_certificate_kind').on(t.certificateId, t.kind)]
);

export type CertificateReminder = typeof certificateReminder.$inferSelect;
