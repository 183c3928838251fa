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

// pg-a

/**
 * `haystack` (text, or JSON read as its text) contains `needle`, ignoring case; `needle` must
 * already be lower-case. A null haystack contains nothing.
 */
export function containsIgnoringCase(haystack: SQLWrapper, needle: string): SQL<boolean> {
	if (engine === 'postgres')
		return sql<boolean>`strpos(lower(coalesce(${haystack}::text, '')), ${needle}) > 0`;
	return sql<boolean>`instr(lower(coalesce(${haystack}, '')), ${needle}) > 0`;
}

/** The JSON array of strings in `column` holds `value`. */
export function jsonArrayHas(column: SQLWrapper, value: string): SQL<boolean> {
	if (engine === 'postgres') return sql<boolean>`${column} @> jsonb_build_array(${value}::text)`;
	return sql<boolean>`exists (select 1 from json_each(${column}) where value = ${value})`;
}
