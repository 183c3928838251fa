// Two-factor sign-in (TOTP keys, recovery codes) and the cut-off that lets the retention job
// remove old audit rows while the trail stays append-only for everything else.
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { user } from './auth.schema';

const now = sql`(unixepoch('subsec') * 1000)`;

/**
 * One TOTP key per account. `enabledAt` stays null while the user is still enrolling; the key
 * is stored encrypted (AES-256-GCM, see auth/secret-box.ts), never in plain text.
 */
export const twoFactor = sqliteTable('two_factor', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	keyEncrypted: text('key_encrypted').notNull(),
	enabledAt: integer('enabled_at', { mode: 'timestamp_ms' }),
	/** The last accepted TOTP time step: a code is never accepted twice (replay). */
	lastCounter: integer('last_counter'),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/** Single-use recovery codes, stored as SHA-256 digests only. */
export const recoveryCode = sqliteTable(
	'recovery_code',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		codeHash: blob('code_hash', { mode: 'buffer' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('recovery_code_user').on(t.userId)]
);

/**
 * One row (id 1): audit rows with `at` before `cutoffAt` may be deleted. The retention job sets
 * it inside its transaction and sets it back to 0 before committing; a trigger checks it.
 */
export const auditRetention = sqliteTable('audit_retention', {
	id: integer('id').primaryKey(),
	cutoffAt: integer('cutoff_at').notNull().default(0)
});

/**
 * One row (id 1): while an erasure runs, the erased person's id and address; a trigger then lets
 * exactly the pseudonymisation of their audit rows through (actor, target and personal details
 * removed). Set inside the erasure's transaction and cleared before it commits.
 */
export const auditErasure = sqliteTable('audit_erasure', {
	id: integer('id').primaryKey(),
	userId: integer('user_id'),
	email: text('email')
});

export type TwoFactor = typeof twoFactor.$inferSelect;
