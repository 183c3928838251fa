// Prepared statements cached per database, so hot paths skip query building on every call.
import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from './index';
import { db } from './index';

/**
 * Wraps a statement builder: the statement is prepared once for the live database and
 * prepared again only when the live database changes (tests open a fresh one each time).
 */
export function prepared<T>(build: (database: DB) => T): () => T {
	const cache = new WeakMap<DB, T>();
	return () => {
		let statement = cache.get(db);
		if (!statement) {
			statement = build(db);
			cache.set(db, statement);
		}
		return statement;
	};
}

/**
 * A timestamp column as stored (milliseconds since the epoch) rather than as a `Date`: the
 * reports compare and format numbers, and skipping the Date round trip keeps them cheap.
 */
export function epochMs(column: SQLiteColumn): SQL<number> {
	return sql<number>`${column}`;
}

/** Like `epochMs` for a nullable column. */
export function epochMsOrNull(column: SQLiteColumn): SQL<number | null> {
	return sql<number | null>`${column}`;
}
