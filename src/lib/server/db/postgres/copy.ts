// Copies a SQLite database into an empty PostgreSQL database (`npm run db:copy`): applies the
// PostgreSQL migrations, copies every table in foreign-key order keeping ids, converts the
// types (epoch milliseconds or ISO text to timestamptz, 0/1 to boolean, blobs to bytea, JSON
// text to jsonb), resets the identity sequences and compares the row counts per table, all in
// one PostgreSQL transaction: a failure leaves the target database as empty as it was. Rows are
// read in pages by rowid from one SQLite read snapshot, so a large file never sits in memory.
// Each page goes in as one INSERT ... SELECT FROM json_to_recordset($1): one parameter per
// statement instead of one per value, which PostgreSQL binds and plans several times faster
// than a VALUES list of thousands of placeholders.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import * as postgresSchema from './schema';
import { engineOf } from '../engine';
import { applyPostgresMigrations, postgresClientConfig, postgresMigrationsDir } from './index';

export class CopyError extends Error {}

export interface TableCount {
	table: string;
	sqlite: number;
	postgres: number;
}

export interface CopyOptions {
	from: string;
	to: string;
	/** Rows per INSERT statement (default 5,000; each statement sends its rows as one JSON array). */
	batchSize?: number;
	migrationsDir?: string;
	log?: (line: string) => void;
}

interface ColumnPlan {
	name: string;
	sqlType: string;
}

interface TablePlan {
	name: string;
	columns: ColumnPlan[];
	/** Columns referencing this same table (a renewed certificate points at its predecessor). */
	selfReferences: { column: string; target: string }[];
	dependsOn: string[];
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The PostgreSQL schema's tables, parents before children. */
export function copyPlan(): TablePlan[] {
	const plans = new Map<string, TablePlan>();
	for (const value of Object.values(postgresSchema)) {
		if (!is(value, PgTable)) continue;
		const config = getTableConfig(value);
		const selfReferences: TablePlan['selfReferences'] = [];
		const dependsOn = new Set<string>();
		for (const fk of config.foreignKeys) {
			const ref = fk.reference();
			const target = getTableConfig(ref.foreignTable).name;
			if (target === config.name) {
				ref.columns.forEach((c, i) =>
					selfReferences.push({ column: c.name, target: ref.foreignColumns[i].name })
				);
			} else dependsOn.add(target);
		}
		plans.set(config.name, {
			name: config.name,
			columns: config.columns.map((c) => ({ name: c.name, sqlType: c.getSQLType() })),
			selfReferences,
			dependsOn: [...dependsOn]
		});
	}
	const ordered: TablePlan[] = [];
	const state = new Map<string, 'visiting' | 'done'>();
	const visit = (name: string, path: string[]) => {
		if (state.get(name) === 'done') return;
		if (state.get(name) === 'visiting') {
			throw new CopyError(`Foreign keys form a cycle: ${[...path, name].join(' -> ')}`);
		}
		state.set(name, 'visiting');
		const plan = plans.get(name)!;
		for (const parent of [...plan.dependsOn].sort()) visit(parent, [...path, name]);
		state.set(name, 'done');
		ordered.push(plan);
	};
	for (const name of [...plans.keys()].sort()) visit(name, []);
	return ordered;
}

type Convert = (value: unknown) => unknown;

function converter(table: string, column: ColumnPlan): Convert {
	const where = `${table}.${column.name}`;
	switch (column.sqlType) {
		case 'timestamp with time zone':
			return (value) => {
				if (value === null || value === undefined) return null;
				let date: Date;
				if (typeof value === 'number' || typeof value === 'bigint') date = new Date(Number(value));
				else if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
					date = new Date(Number(value));
				else if (typeof value === 'string') date = new Date(value);
				else throw new CopyError(`${where}: cannot read ${typeof value} as a time`);
				if (Number.isNaN(date.getTime())) {
					throw new CopyError(`${where}: ${String(value)} is not a time`);
				}
				return date.toISOString();
			};
		case 'boolean':
			return (value) => {
				if (value === null || value === undefined) return null;
				if (typeof value === 'number' || typeof value === 'bigint') return Number(value) !== 0;
				if (value === '1' || value === 'true') return true;
				if (value === '0' || value === 'false') return false;
				throw new CopyError(`${where}: ${String(value)} is not a boolean`);
			};
		case 'json':
		case 'jsonb':
			// JSON text goes in as text; PostgreSQL parses it (and refuses what is not JSON).
			return (value) => {
				if (value === null || value === undefined) return null;
				if (typeof value === 'string') return value;
				if (Buffer.isBuffer(value)) return value.toString('utf8');
				return JSON.stringify(value);
			};
		case 'bytea':
			// As hex text, decoded on the server (a JSON document carries no bytes).
			return (value) => {
				if (value === null || value === undefined) return null;
				if (Buffer.isBuffer(value)) return value.toString('hex');
				if (typeof value === 'string') return Buffer.from(value, 'utf8').toString('hex');
				throw new CopyError(`${where}: cannot read ${typeof value} as bytes`);
			};
		case 'text':
			return (value) => {
				if (value === null || value === undefined) return null;
				if (Buffer.isBuffer(value)) return value.toString('utf8');
				return String(value);
			};
		default:
			// integer, bigint, double precision: SQLite's numbers fit as they are.
			return (value) => (typeof value === 'bigint' ? value.toString() : value);
	}
}

/**
 * How a column is declared in json_to_recordset and read back in the INSERT's select list: JSON
 * text and bytes travel as text and are cast there (PostgreSQL still refuses what is not JSON).
 */
function recordColumn(column: ColumnPlan): { declared: string; selected: string } {
	const name = quote(column.name);
	switch (column.sqlType) {
		case 'json':
		case 'jsonb':
			return { declared: `${name} text`, selected: `r.${name}::${column.sqlType}` };
		case 'bytea':
			return { declared: `${name} text`, selected: `decode(r.${name}, 'hex')` };
		default:
			return { declared: `${name} ${column.sqlType}`, selected: `r.${name}` };
	}
}

/** SQLite's tables must be exactly the PostgreSQL schema's, column for column. */
function checkSource(sqlite: Database.Database, plans: TablePlan[]): void {
	const problems: string[] = [];
	const sourceTables = (
		sqlite
			.prepare(
				"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'"
			)
			.all() as { name: string }[]
	).map((r) => r.name);
	const known = new Set(plans.map((p) => p.name));
	for (const name of sourceTables) {
		if (!known.has(name)) problems.push(`table ${name} is not in the PostgreSQL schema`);
	}
	for (const plan of plans) {
		if (!sourceTables.includes(plan.name)) {
			problems.push(`table ${plan.name} is missing`);
			continue;
		}
		const columns = (
			sqlite.prepare(`PRAGMA table_info(${quote(plan.name)})`).all() as { name: string }[]
		).map((c) => c.name);
		const wanted = plan.columns.map((c) => c.name);
		for (const c of columns)
			if (!wanted.includes(c)) problems.push(`column ${plan.name}.${c} is not in PostgreSQL`);
		for (const c of wanted)
			if (!columns.includes(c)) problems.push(`column ${plan.name}.${c} is missing`);
	}
	if (problems.length) {
		throw new CopyError(
			'The SQLite database does not match this version\u2019s schema (start the platform on it once to migrate it):\n  ' +
				problems.join('\n  ')
		);
	}
}

async function checkEmpty(client: pg.Client): Promise<void> {
	const { rows } = await client.query<{ schema: string; name: string }>(
		`SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
		 WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`
	);
	if (rows.length) {
		const names = rows.slice(0, 5).map((r) => `${r.schema}.${r.name}`);
		throw new CopyError(
			`The PostgreSQL database is not empty (${rows.length} tables, e.g. ${names.join(', ')}). ` +
				'db:copy only fills a new, empty database; create one with `createdb` and try again.'
		);
	}
}

async function copyTable(
	sqlite: Database.Database,
	client: pg.Client,
	plan: TablePlan,
	batchSize: number
): Promise<number> {
	const names = plan.columns.map((c) => c.name);
	const converters = plan.columns.map((c) => converter(plan.name, c));
	const perStatement = Math.max(1, batchSize);
	const page = sqlite
		.prepare(
			`SELECT rowid, ${names.map(quote).join(', ')} FROM ${quote(plan.name)} WHERE rowid > ? ORDER BY rowid LIMIT ?`
		)
		.raw(true);
	const selfIndexes = plan.selfReferences.map((s) => ({
		name: s.column,
		targetName: s.target,
		column: names.indexOf(s.column),
		target: names.indexOf(s.target)
	}));
	const inserted = new Set<unknown>();
	const fixups: { column: string; target: string; key: unknown; value: unknown }[] = [];
	const record = plan.columns.map(recordColumn);
	const insert =
		`INSERT INTO ${quote(plan.name)} (${names.map(quote).join(', ')}) ` +
		`SELECT ${record.map((c) => c.selected).join(', ')} ` +
		`FROM json_to_recordset($1::json) AS r(${record.map((c) => c.declared).join(', ')})`;
	// Each row as a JSON array would need names; an object per row keyed by column does.
	const keys = names.map((name) => JSON.stringify(name) + ':');
	let after = -Infinity;
	let copied = 0;
	for (;;) {
		const rows = page.all(after, perStatement) as unknown[][];
		if (!rows.length) break;
		const objects: string[] = [];
		for (const row of rows) {
			after = row[0] as number;
			const values = row.slice(1);
			// A reference to a row of this table not copied yet goes in afterwards.
			for (const s of selfIndexes) {
				const value = values[s.column];
				if (value !== null && !inserted.has(value)) {
					fixups.push({ column: s.name, target: s.targetName, key: values[s.target], value });
					values[s.column] = null;
				}
			}
			for (const s of selfIndexes) inserted.add(values[s.target]);
			const fields = values.map((value, i) => {
				const converted = converters[i](value);
				return keys[i] + (converted === undefined ? 'null' : JSON.stringify(converted));
			});
			objects.push(`{${fields.join(',')}}`);
		}
		await client.query(insert, [`[${objects.join(',')}]`]);
		copied += rows.length;
	}
	for (const f of fixups) {
		await client.query(
			`UPDATE ${quote(plan.name)} SET ${quote(f.column)} = $1 WHERE ${quote(f.target)} = $2`,
			[f.value, f.key]
		);
	}
	return copied;
}

/** Copies `from` (a SQLite file) into the empty PostgreSQL database at `to`. */
export async function copySqliteToPostgres(options: CopyOptions): Promise<TableCount[]> {
	const log = options.log ?? (() => {});
	if (!fs.existsSync(options.from)) throw new CopyError(`No SQLite file at ${options.from}.`);
	if (engineOf(options.to) !== 'postgres') {
		throw new CopyError(`--to must be a postgres:// URL, not ${options.to}.`);
	}
	const plans = copyPlan();
	const sqlite = new Database(options.from, { readonly: true, fileMustExist: true });
	const client = new pg.Client(postgresClientConfig(options.to));
	try {
		checkSource(sqlite, plans);
		await client.connect();
		await checkEmpty(client);
		// One snapshot of the source: a platform still writing to it cannot tear the copy.
		sqlite.exec('BEGIN');
		await client.query('BEGIN');
		try {
			const applied = await applyPostgresMigrations(
				client,
				options.migrationsDir ?? postgresMigrationsDir()
			);
			log(`Applied ${applied} PostgreSQL migrations.`);
			// Rows the migrations seed (the audit retention row) come from the source instead.
			for (const plan of plans) await client.query(`DELETE FROM ${quote(plan.name)}`);
			// Indexes that back no constraint are built once after the rows are in, not row by row
			// (several times faster on millions of rows); same definitions, same transaction.
			const indexes = await client.query<{ name: string; definition: string }>(
				`SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
				 WHERE i.schemaname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_constraint c
				   WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`
			);
			for (const index of indexes.rows) await client.query(`DROP INDEX ${quote(index.name)}`);
			for (const plan of plans) {
				const rows = await copyTable(sqlite, client, plan, options.batchSize ?? 5000);
				log(`${plan.name}: ${rows} rows`);
			}
			for (const index of indexes.rows) await client.query(index.definition);
			log(`Rebuilt ${indexes.rows.length} indexes.`);
			const identities = await client.query<{ table: string; column: string }>(
				`SELECT table_name AS table, column_name AS column FROM information_schema.columns
				 WHERE table_schema = 'public' AND is_identity = 'YES'`
			);
			for (const { table, column } of identities.rows) {
				await client.query(
					`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`,
					[quote(table), column]
				);
			}
			const counts: TableCount[] = [];
			for (const plan of plans) {
				const source = sqlite.prepare(`SELECT count(*) AS n FROM ${quote(plan.name)}`).get() as {
					n: number;
				};
				const target = await client.query<{ n: string }>(
					`SELECT count(*) AS n FROM ${quote(plan.name)}`
				);
				counts.push({ table: plan.name, sqlite: source.n, postgres: Number(target.rows[0].n) });
			}
			const wrong = counts.filter((c) => c.sqlite !== c.postgres);
			if (wrong.length) {
				throw new CopyError(`Row counts differ, nothing was copied:\n${formatCounts(wrong)}`);
			}
			await client.query('COMMIT');
			// Planner statistics for the copied rows: until autovacuum gets round to it, the
			// planner would take every table for empty (the manager dashboard of a 5,000-learner
			// organisation took 96 ms instead of 29). VACUUM as well, after a bulk load: otherwise
			// autovacuum goes through every copied table within the next minute, while the platform
			// already serves (the manager dashboard of the 200,000-learner bench took 53 ms during
			// it and 37 after), and the first reads of each row write its hint bits.
			await client.query('VACUUM (ANALYZE)');
			log('Vacuumed and analysed the copied tables.');
			return counts;
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			if (sqlite.inTransaction) sqlite.exec('COMMIT');
		}
	} finally {
		sqlite.close();
		await client.end().catch(() => {});
	}
}

/** The per-table row counts as an aligned text table. */
export function formatCounts(counts: TableCount[]): string {
	const header = ['table', 'SQLite', 'PostgreSQL', ''];
	const rows = counts.map((c) => [
		c.table,
		String(c.sqlite),
		String(c.postgres),
		c.sqlite === c.postgres ? 'ok' : 'DIFFERENT'
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)].join('\n');
}
