// PostgreSQL mirror of ../security.schema.ts: two-factor keys, recovery codes and the audit
// retention cut-off (epoch milliseconds, so bigint; the trigger compares it with `at`).
import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { user } from './auth.schema';
import { bytea, timestampMs } from './columns';

export const twoFactor = pgTable('two_factor', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	keyEncrypted: text('key_encrypted').notNull(),
	enabledAt: timestampMs('enabled_at'),
	/** The last accepted TOTP time step (a 30-second counter since the epoch). */
	lastCounter: bigint('last_counter', { mode: 'number' }),
	createdAt: timestampMs('created_at').notNull().defaultNow()
});

export const recoveryCode = pgTable(
	'recovery_code',
	{
		id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		codeHash: bytea('code_hash').notNull(),
		usedAt: timestampMs('used_at')
	},
	(t) => [index('recovery_code_user').on(t.userId)]
);

/** One row (id 1): audit rows with `at` before `cutoffAt` (epoch ms) may be deleted. */
export const auditRetention = pgTable('audit_retention', {
	id: integer('id').primaryKey(),
	cutoffAt: bigint('cutoff_at', { mode: 'number' }).notNull().default(0)
});

/** While an erasure runs, names the person whose audit rows may be pseudonymised (one row). */
export const auditErasure = pgTable('audit_erasure', {
	id: integer('id').primaryKey(),
	userId: integer('user_id'),
	email: text('email')
});
