// PostgreSQL mirror of ../certificate.schema.ts: certificates and their expiry reminders.
import {
	boolean,
	index,
	integer,
	pgTable,
	text,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { organisation, user } from './auth.schema';
import { timestampMs } from './columns';
import { attempt, moduleVersion } from './learning.schema';

export const certificate = pgTable(
	'certificate',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		code: text('code').notNull().unique(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		organisationId: integer('organisation_id').references(() => organisation.id, {
			onDelete: 'set null'
		}),
		moduleSlug: text('module_slug').notNull(),
		moduleVersionId: integer('module_version_id')
			.notNull()
			.references(() => moduleVersion.id),
		attemptId: integer('attempt_id').references(() => attempt.id, { onDelete: 'set null' }),
		issuedAt: timestampMs('issued_at').notNull(),
		expiresAt: timestampMs('expires_at').notNull(),
		renewedFromId: integer('renewed_from_id').references((): AnyPgColumn => certificate.id, {
			onDelete: 'set null'
		}),
		revokedAt: timestampMs('revoked_at'),
		revokedReason: text('revoked_reason'),
		revokedBy: integer('revoked_by').references(() => user.id, { onDelete: 'set null' }),
		showOrganisation: boolean('show_organisation').notNull().default(false),
		createdAt: timestampMs('created_at').notNull().defaultNow()
	},
	(t) => [
		index('certificate_user').on(t.userId, t.moduleSlug),
		index('certificate_organisation_expiry').on(t.organisationId, t.expiresAt),
		uniqueIndex('certificate_renewed_from').on(t.renewedFromId),
		uniqueIndex('certificate_attempt_module').on(t.attemptId, t.moduleSlug),
		index('certificate_expiry').on(t.expiresAt)
	]
);

export const certificateReminder = pgTable(
	'certificate_reminder',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		certificateId: integer('certificate_id')
			.notNull()
			.references(() => certificate.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['d30', 'd7', 'd0'] }).notNull(),
		sentAt: timestampMs('sent_at').notNull()
	},
	(t) => [uniqueIndex('certificate_reminder_certificate_kind').on(t.certificateId, t.kind)]
);
