// Prepared statements cached per database, so hot paths skip query building on every call.
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
