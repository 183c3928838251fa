// PostgreSQL mirror of ../shared.schema.ts: throttles and keys shared by all servers.
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { bytea, timestampMs } from './columns';

export const throttle = pgTable(
	'throttle',
	{
		key: text('key').primaryKey(),
		failures: integer('failures').notNull(),
		blockedUntil: timestampMs('blocked_until').notNull(),
		lastFailure: timestampMs('last_failure').notNull()
	},
	(t) => [index('throttle_last_failure').on(t.lastFailure)]
);

export const serverKey = pgTable('server_key', {
	name: text('name').primaryKey(),
	value: bytea('value').notNull(),
	createdAt: timestampMs('created_at').notNull().defaultNow()
});
