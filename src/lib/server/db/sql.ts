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

// pg-b

/** A boolean column is true. SQLite stores 0/1, and its indexes match the literal `= 1`. */
export function isTrue(column: SQLWrapper): SQL<boolean> {
	if (engine === 'postgres') return sql<boolean>`${column}`;
	return sql<boolean>`${column} = 1`;
}

/** `column in (ids)` with the ids bound as one parameter; an empty list matches nothing. */
export function inIdList(column: SQLWrapper, ids: readonly number[]): SQL<boolean> {
	if (engine === 'postgres')
		return sql<boolean>`${column} = any(${`{${ids.map((id) => Math.trunc(Number(id))).join(',')}}`}::int[])`;
	return sql<boolean>`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/** A separator `joinedRows` may put between fields or rows. */
export type JoinSeparator = '\u001f' | '\u001e' | ':' | ',';

/**
 * One text per group: each row's `fields` joined by U+001F, the rows joined by U+001E, or by the
 * `separators` given (group_concat on SQLite, string_agg on PostgreSQL); choose separators that
 * cannot occur in the fields. SQLite joins the rows in the order it reads them (an index's
 * order); PostgreSQL in the order of `orderBy`, or, without it, also in the order it reads them:
 * PostgreSQL (before 16) sorts each group again for an aggregate's ORDER BY, which cost the item
 * statistics 80 ms of 230 on 100,000 two-row groups. Leave `orderBy` out only where the result
 * does not depend on the order of the rows.
 */
export function joinedRows(
	fields: SQLWrapper[],
	orderBy?: SQLWrapper,
	separators: { field: JoinSeparator; row: JoinSeparator } = { field: '\u001f', row: '\u001e' }
): SQL<string | null> {
	// By code point, so no quoting is involved: chr() on PostgreSQL, char() on SQLite.
	const char = engine === 'postgres' ? 'chr' : 'char';
	const field = sql.raw(`${char}(${separators.field.charCodeAt(0)})`);
	const row = sql.raw(`${char}(${separators.row.charCodeAt(0)})`);
	if (engine === 'postgres') {
		const joined = sql.join(
			fields.map((f) => sql`(${f})::text`),
			sql` || ${field} || `
		);
		const order = orderBy ? sql` order by ${orderBy}` : sql``;
		return sql<string | null>`string_agg(${joined}, ${row}${order})`;
	}
	return sql<string | null>`group_concat(${sql.join(fields, sql` || ${field} || `)}, ${row})`;
}

/**
 * A `joinedRows` text (default separators) read back: one array of fields per row, none for
 * null or ''. The fields must not contain U+001F or U+001E.
 */
export function splitJoinedRows(joined: string | null): string[][] {
	if (!joined) return [];
	return joined.split('\u001e').map((row) => row.split('\u001f'));
}

/**
 * A column that has the same value on every row of its group, read outside the GROUP BY list:
 * SQLite allows the bare column; PostgreSQL needs an aggregate.
 */
export function sameInGroup(column: SQLWrapper): SQL {
	if (engine === 'postgres') return sql`min(${column})`;
	return sql`${column}`;
}

/** A timestamp's calendar month in UTC as `YYYY-MM`. */
export function yearMonthUtc(column: SQLWrapper): SQL<string> {
	if (engine === 'postgres') return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM')`;
	return sql<string>`strftime('%Y-%m', ${column} / 1000, 'unixepoch')`;
}

/**
 * A bound integer that may be null, for `(? is null or …)`: PostgreSQL cannot infer the type of
 * a parameter that is only tested for null.
 */
export function intParam(name: string): SQL<number | null> {
	if (engine === 'postgres') return sql<number | null>`${sql.placeholder(name)}::int`;
	return sql<number | null>`${sql.placeholder(name)}`;
}

/**
 * In a grouped select that also reads `max(order)`: `value` of the row that holds that maximum.
 * SQLite takes a bare column from that row; PostgreSQL needs an aggregate.
 */
export function valueAtMax(value: SQLWrapper, order: SQLWrapper): SQL {
	if (engine === 'postgres') return sql`(array_agg(${value} order by ${order} desc))[1]`;
	return sql`${value}`;
}

// pg-shared

/**
 * A point in time given as milliseconds since the epoch, bound as a value of a timestamp
 * column: SQLite stores the number itself (timestamp_ms), PostgreSQL a timestamp with time zone.
 */
export function epochValue(ms: number): SQL<Date> {
	if (engine === 'postgres') return sql<Date>`to_timestamp(${ms}::float8 / 1000)`;
	return sql<Date>`${ms}`;
}

/**
 * A select whose rows stay locked against other writers until the caller's transaction ends:
 * `FOR UPDATE` on PostgreSQL, so two servers that write for the same learner at once take turns
 * instead of both acting on what they read (or deadlocking). SQLite needs nothing: `BEGIN
 * IMMEDIATE` holds the whole database.
 */
export function forUpdate<T>(query: T): T {
	if (engine !== 'postgres') return query;
	return (query as unknown as { for(strength: 'update'): T }).for('update');
}

// pgstats

/**
 * `column` is one of the values `subquery` (a select in parentheses) selects. PostgreSQL gets
 * `= any(array(subquery))`: an index condition, so an index scan keeps its order (an
 * `in (subquery)` becomes a join whose rows the planner then sorts again); SQLite keeps `in`.
 */
export function inSelected(column: SQLWrapper, subquery: SQL): SQL<boolean> {
	if (engine === 'postgres') return sql<boolean>`${column} = any(array(${subquery}))`;
	return sql<boolean>`${column} in ${subquery}`;
}

/**
 * A GROUP BY list of `columns` in an index's column order, where the WHERE clause holds each of
 * `fixed` (some of `columns`) at one value (`x is null`, `x = true`). PostgreSQL lists them too:
 * only then does its planner see that an index scan already delivers the groups in order (it
 * does not take `x is null` as fixing x) and stream the index instead of sorting every row.
 * SQLite sees that itself and leaves them out (two comparisons per row fewer).
 */
export function groupedInIndexOrder(columns: SQLWrapper[], fixed: SQLWrapper[]): SQL {
	const keys = engine === 'postgres' ? columns : columns.filter((c) => !fixed.includes(c));
	return sql.join(keys, sql`, `);
}

/**
 * `value`, the same on every row of a group, is in `column` of the rows of `table` that match
 * `where`; as three pieces of `select … ${select} from … group by … having … ${having}` wrapped
 * in `select … from (…) as g ${outerWhere}`. SQLite checks it in HAVING, once per group: a
 * correlated EXISTS, one index seek each. PostgreSQL selects the value and checks it in the outer
 * WHERE, which its planner turns into a semi-join: hashed once, and like any join fit for a list
 * of any size (a subquery in HAVING stays a subplan, hashed only while it fits work_mem and run
 * once per group otherwise; as an EXISTS it is costed per group and set off the JIT compiler).
 */
export function groupValueAmong(
	value: SQLWrapper,
	column: SQLWrapper,
	table: SQLWrapper,
	where: SQL
): { select: SQL; having: SQL; outerWhere: SQL } {
	if (engine === 'postgres')
		return {
			select: sql`, ${sameInGroup(value)} as group_value`,
			having: sql``,
			outerWhere: sql`where group_value in (select ${column} from ${table} where ${where})`
		};
	return {
		select: sql``,
		having: sql`and exists (select 1 from ${table} where ${column} = ${value} and ${where})`,
		outerWhere: sql``
	};
}
