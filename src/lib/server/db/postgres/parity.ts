// Describes a Drizzle schema (SQLite or PostgreSQL) in engine-neutral terms and lists how two
// descriptions differ, line by line, for schema-parity.spec.ts and db:copy's pre-flight check.
import { getTableColumns, is, type Column } from 'drizzle-orm';
import { getTableConfig as getPgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';

export interface ColumnShape {
	name: string;
	kind: string;
	notNull: boolean;
	hasDefault: boolean;
	enumValues: string[];
}

export interface TableShape {
	exportName: string;
	name: string;
	/** Keyed by the TypeScript property name the domain code uses. */
	columns: Record<string, ColumnShape>;
	primaryKey: string[];
	/** `name(columns)` of every unique constraint, column-level ones included. */
	uniques: string[];
	/** `name unique?(columns)` of every index. */
	indexes: string[];
	/** `(columns) -> table(columns) on delete X` of every foreign key. */
	foreignKeys: string[];
}

/** The same logical type on both engines gets the same kind. */
const KINDS: Record<string, string> = {
	SQLiteTimestamp: 'timestamp',
	PgTimestamp: 'timestamp',
	SQLiteBoolean: 'boolean',
	PgBoolean: 'boolean',
	SQLiteTextJson: 'json',
	PgJsonb: 'json',
	PgJson: 'json',
	SQLiteBlobBuffer: 'bytes',
	'PgCustomColumn:bytea': 'bytes',
	SQLiteInteger: 'integer',
	PgInteger: 'integer',
	PgBigInt53: 'integer',
	SQLiteReal: 'real',
	PgDoublePrecision: 'real',
	SQLiteText: 'text',
	PgText: 'text'
};

function kindOf(column: Column): string {
	const key =
		column.columnType === 'PgCustomColumn'
			? `${column.columnType}:${column.getSQLType()}`
			: column.columnType;
	return KINDS[key] ?? `unmapped ${key}`;
}

function list(columns: { name: string }[]): string {
	return columns.map((c) => c.name).join(', ');
}

type AnyConfig = ReturnType<typeof getSqliteTableConfig> | ReturnType<typeof getPgTableConfig>;

function shape(exportName: string, table: SQLiteTable | PgTable, config: AnyConfig): TableShape {
	const columns: Record<string, ColumnShape> = {};
	const uniques: string[] = [];
	let primaryKey: string[] = [];
	for (const [key, column] of Object.entries(getTableColumns(table) as Record<string, Column>)) {
		columns[key] = {
			name: column.name,
			kind: kindOf(column),
			notNull: column.notNull,
			// An identity / autoincrement key is generated on both engines, however it is spelled.
			hasDefault: column.primary ? false : column.hasDefault,
			enumValues: [...(column.enumValues ?? [])]
		};
		if (column.primary) primaryKey = [column.name];
		if (column.isUnique) uniques.push(`${column.uniqueName}(${column.name})`);
	}
	for (const pk of config.primaryKeys) primaryKey = pk.columns.map((c) => c.name);
	for (const u of config.uniqueConstraints) uniques.push(`${u.getName()}(${list(u.columns)})`);
	const indexes = config.indexes.map((index) => {
		const cols = index.config.columns.map((c) => ('name' in c ? String(c.name) : '<expression>'));
		return `${index.config.name} ${index.config.unique ? 'unique ' : ''}(${cols.join(', ')})`;
	});
	const foreignKeys = config.foreignKeys.map((fk) => {
		const ref = fk.reference();
		const target = getTableName(ref.foreignTable as SQLiteTable | PgTable);
		return `(${list(ref.columns)}) -> ${target}(${list(ref.foreignColumns)}) on delete ${fk.onDelete ?? 'no action'}`;
	});
	return {
		exportName,
		name: config.name,
		columns,
		primaryKey,
		uniques: uniques.sort(),
		indexes: indexes.sort(),
		foreignKeys: foreignKeys.sort()
	};
}

function getTableName(table: SQLiteTable | PgTable): string {
	return is(table, PgTable) ? getPgTableConfig(table).name : getSqliteTableConfig(table).name;
}

/** Every table a schema module exports, keyed by its SQL name. */
export function describeSchema(module: Record<string, unknown>): Map<string, TableShape> {
	const tables = new Map<string, TableShape>();
	for (const [exportName, value] of Object.entries(module)) {
		if (is(value, SQLiteTable)) {
			const s = shape(exportName, value, getSqliteTableConfig(value));
			tables.set(s.name, s);
		} else if (is(value, PgTable)) {
			const s = shape(exportName, value, getPgTableConfig(value));
			tables.set(s.name, s);
		}
	}
	return tables;
}

function diffSets(what: string, sqlite: string[], postgres: string[], out: string[]): void {
	for (const item of sqlite)
		if (!postgres.includes(item)) out.push(`${what} ${item}: in SQLite only`);
	for (const item of postgres)
		if (!sqlite.includes(item)) out.push(`${what} ${item}: in PostgreSQL only`);
}

/** One line per difference between the SQLite and the PostgreSQL schema; empty when they agree. */
export function schemaDifferences(
	sqlite: Map<string, TableShape>,
	postgres: Map<string, TableShape>
): string[] {
	const out: string[] = [];
	const names = [...new Set([...sqlite.keys(), ...postgres.keys()])].sort();
	for (const name of names) {
		const a = sqlite.get(name);
		const b = postgres.get(name);
		if (!a || !b) {
			const only = a ? 'SQLite' : 'PostgreSQL';
			const other = a ? 'src/lib/server/db/postgres/' : 'src/lib/server/db/';
			out.push(
				`table ${name} (export ${(a ?? b)!.exportName}): in ${only} only; add it to ${other}*.schema.ts`
			);
			continue;
		}
		if (a.exportName !== b.exportName)
			out.push(
				`table ${name}: exported as ${a.exportName} (SQLite) but ${b.exportName} (PostgreSQL)`
			);
		const keys = [...new Set([...Object.keys(a.columns), ...Object.keys(b.columns)])].sort();
		for (const key of keys) {
			const ca = a.columns[key];
			const cb = b.columns[key];
			if (!ca || !cb) {
				out.push(
					`column ${name}.${(ca ?? cb)!.name} (property ${key}): in ${ca ? 'SQLite' : 'PostgreSQL'} only`
				);
				continue;
			}
			for (const field of ['name', 'kind', 'notNull', 'hasDefault'] as const) {
				if (ca[field] !== cb[field])
					out.push(
						`column ${name}.${ca.name} (property ${key}): ${field} is ${ca[field]} on SQLite but ${cb[field]} on PostgreSQL`
					);
			}
			if (ca.enumValues.join('|') !== cb.enumValues.join('|'))
				out.push(
					`column ${name}.${ca.name}: enum [${ca.enumValues.join(', ')}] on SQLite but [${cb.enumValues.join(', ')}] on PostgreSQL`
				);
		}
		if (a.primaryKey.join(',') !== b.primaryKey.join(','))
			out.push(
				`table ${name}: primary key (${a.primaryKey.join(', ')}) on SQLite but (${b.primaryKey.join(', ')}) on PostgreSQL`
			);
		diffSets(`table ${name}: unique constraint`, a.uniques, b.uniques, out);
		diffSets(`table ${name}: index`, a.indexes, b.indexes, out);
		diffSets(`table ${name}: foreign key`, a.foreignKeys, b.foreignKeys, out);
	}
	return out;
}
