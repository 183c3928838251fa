// SQL pieces whose spelling differs between SQLite and PostgreSQL. Domain code that needs raw
// SQL builds it from these (and Drizzle's operators), so it stays the same on both engines.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { engine } from './engine';

/** `a = b`, ignoring case (SQLite's NOCASE: ASCII letters). */
export function equalsIgnoringCase(a: SQLWrapper, b: unknown): SQL<boolean> {
	if (engine === 'postgres') return sql<boolean>`lower(${a}) = lower(${b})`;
	return sql<boolean>`${a} = ${b} collate nocase`;
}

/** An ORDER BY key that sorts text without regard to case. */
export function ignoringCase(a: SQLWrapper | SQL): SQL {
	if (engine === 'postgres') return sql`lower(${a})`;
	return sql`${a} collate nocase`;
}

/** `a LIKE pattern ESCAPE '\'`, case-insensitive on both engines (SQLite's LIKE is for ASCII). */
export function likeIgnoringCase(a: SQLWrapper, pattern: string): SQL<boolean> {
	if (engine === 'postgres') return sql<boolean>`${a} ilike ${pattern} escape '\\'`;
	return sql<boolean>`${a} like ${pattern} escape '\\'`;
}

/**
 * A point in time given as milliseconds since the epoch, bound as a value of a timestamp
 * column: SQLite stores the number itself (timestamp_ms), PostgreSQL a timestamp with time zone.
 */
export function epochValue(ms: number): SQL<Date> {
	if (engine === 'postgres') return sql<Date>`to_timestamp(${ms}::float8 / 1000)`;
	return sql<Date>`${ms}`;
}
