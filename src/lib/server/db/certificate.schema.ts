// Certificates: issued when an assessment is passed, renewed by the refresher, verifiable by code.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
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
		index('certificate_renewed_from').on(t.renewedFromId)
	]
);

export type Certificate = typeof certificate.$inferSelect;
