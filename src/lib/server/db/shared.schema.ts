// State every application server must share (issue 14): failed-attempt throttles and the keys
// that sign what one server makes and another checks. On SQLite one process uses them alone.
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const now = sql`(unixepoch('subsec') * 1000)`;

/**
 * Failed attempts per throttle key (accounts/auth/throttle.ts): the key starts with the
 * throttle's name. Rows quiet for longer than their throttle's forget-after are ignored and
 * removed by the retention job.
 */
export const throttle = sqliteTable(
	'throttle',
	{
		key: text('key').primaryKey(),
		failures: integer('failures').notNull(),
		blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' }).notNull(),
		lastFailure: integer('last_failure', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('throttle_last_failure').on(t.lastFailure)]
);

/**
 * Keys made once and then used by every server (db/server-key.ts): the first server to start
 * inserts one, every later one reads it back. Never the two-factor key (that comes from
 * configuration, so a database backup alone does not open the second factors).
 */
export const serverKey = sqliteTable('server_key', {
	name: text('name').primaryKey(),
	value: blob('value', { mode: 'buffer' }).notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

export type ThrottleRow = typeof throttle.$inferSelect;
