// The one database client. SQLite (better-sqlite3, the embedded default) or PostgreSQL
// (node-postgres), chosen by DATABASE_URL (engine.ts); the domain layer is written once against
// `db` and the tables of ./schema and awaits every query, and only this folder knows which
// engine answers. `db` follows the caller into its transaction (transaction.ts), so domain code
// inside `transaction(...)` may keep writing through `db`.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { SQL } from 'drizzle-orm';
import * as schema from './sqlite-schema';
import { engine, engineOf } from './engine';
import { ensurePrivateDir, ensurePrivateFile, narrowToPrivate } from '../platform/file-modes';
import {
	currentTransaction,
	deferWhileForeignTransaction,
	outsideOpenTransaction,
	untilForeignTransactionEnds
} from './transaction';
import type { PgDB } from './postgres';

/**
 * The database as the domain code sees it: Drizzle's SQLite types. On PostgreSQL the object
 * behind it is node-postgres Drizzle; the domain code only awaits query builders (no `.get()`,
 * `.all()`, `.run()`), which behave the same on both. Use `first`, `affected` and the `sql*`
 * helpers below where the engines differ.
 */
export type DB = BaseSQLiteDatabase<'sync', WriteResult, typeof schema> & {
	$client: Database.Database;
};

/**
 * What an awaited insert, update or delete resolves to. It differs per engine (SQLite's
 * `changes`/`lastInsertRowid`, PostgreSQL's `rowCount`), so it is opaque: count with `affected`,
 * and get new ids with `.returning({ id: table.id })`.
 */
export interface WriteResult {
	readonly __writeResult: unique symbol;
}

let live: DB | undefined;

/**
 * SQLite on a file: a second connection to it, for reading only. An asynchronous transaction
 * (transaction.ts) holds the one writing connection across awaits, and other requests run in
 * between; read on that connection, they would see its uncommitted rows, and half of a change it
 * has not finished. Their reads go here instead while a transaction is open (WAL: a reader sees
 * the last commit and never waits for the writer). An in-memory database (the unit tests) has
 * none: a second connection would be another database.
 */
let reader: DB | undefined;

/** The builders that only read, which `db` sends to the reader while a transaction is open. */
const readBuilders = new Set<PropertyKey>(['select', 'selectDistinct', '$count', 'query']);

/**
 * SQLite: the reader connection when the caller must not read on the writing one (a transaction
 * is open and the caller is not part of it); otherwise undefined.
 */
export function foreignReader(): DB | undefined {
	return reader && outsideOpenTransaction() ? reader : undefined;
}

/** The live database; set by `openDatabase` (server start, scripts, each test). */
export const db: DB = new Proxy({} as DB, {
	get(_target, property) {
		let target = (currentTransaction() ?? live) as DB | undefined;
		if (!target) throw new Error('The database is not open (openDatabase was not called).');
		if (engine === 'sqlite' && readBuilders.has(property)) target = foreignReader() ?? target;
		const value = Reflect.get(target, property, target) as unknown;
		if (typeof value !== 'function') return value;
		const bound = (value as (...args: unknown[]) => unknown).bind(target);
		if (
			engine === 'sqlite' &&
			(property === 'insert' || property === 'update' || property === 'delete')
		)
			return deferWhileForeignTransaction(bound);
		return bound;
	}
});

/** The engine-specific instance behind `db` (db/ and scripts only). */
export function liveDatabase(): DB {
	if (!live) throw new Error('The database is not open (openDatabase was not called).');
	return live;
}

export { engine };

export class MigrationError extends Error {}

/** `:memory:`: a private SQLite database in this connection only (the unit tests). */
const inMemory = (url: string) => url === ':memory:';

function openSqlite(url: string, options: { migrationsDir?: string; migrate?: boolean }): DB {
	if (!inMemory(url)) {
		// 0600 for the file, and SQLite gives -wal and -shm the same mode (platform/file-modes).
		ensurePrivateDir(path.dirname(path.resolve(url)));
		ensurePrivateFile(url);
		for (const extra of ['-wal', '-shm']) narrowToPrivate(url + extra);
	}
	const sqlite = new Database(url);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// FULL: an answer or certificate confirmed to a learner survives a power cut.
	sqlite.pragma('synchronous = FULL');
	const instance = drizzle(sqlite, { schema }) as unknown as DB;
	if (options.migrate !== false) {
		const migrationsFolder = options.migrationsDir ?? path.resolve('drizzle');
		try {
			migrate(instance as never, { migrationsFolder });
		} catch (cause) {
			sqlite.close();
			const inner =
				cause instanceof Error && cause.cause instanceof Error ? cause.cause.message : '';
			const reason = cause instanceof Error ? cause.message : String(cause);
			throw new MigrationError(
				`Database migration from ${migrationsFolder} failed on ${url}: ${inner || reason}`
			);
		}
	}
	return instance;
}

/** A read-only second connection to the SQLite file `url` (none for an in-memory database). */
function openSqliteReader(url: string): DB | undefined {
	if (inMemory(url)) return undefined;
	const sqlite = new Database(url, { fileMustExist: true });
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('query_only = ON');
	return drizzle(sqlite, { schema }) as unknown as DB;
}

function closeReader(): void {
	const previous = reader?.$client;
	reader = undefined;
	if (previous?.open) previous.close();
}

/**
 * Opens the database of `url` and applies every pending migration: an SQLite file (created when
 * missing; `:memory:` gives a private one, as the unit tests use) or, when this process runs on
 * PostgreSQL, a postgres:// URL (`:memory:` then gives a fresh database cloned from the
 * migrated test template, see postgres/fresh.ts).
 */
export async function openDatabase(
	url: string,
	options: { migrationsDir?: string; migrate?: boolean } = {}
): Promise<DB> {
	if (engine === 'postgres') {
		const { openPostgresDatabase } = await import('./postgres/open');
		const previous = live;
		live = undefined;
		if (previous) await closeInstance(previous);
		try {
			live = (await openPostgresDatabase(url, options)) as unknown as DB;
		} catch (cause) {
			if (cause instanceof MigrationError) throw cause;
			throw new MigrationError(
				`Database migration failed on PostgreSQL: ${cause instanceof Error ? cause.message : String(cause)}`
			);
		}
		return live;
	}
	// The engine is chosen once, from DATABASE_URL; a postgres:// URL opened in an SQLite process
	// would otherwise become a file named after the URL.
	if (engineOf(url) === 'postgres') {
		throw new Error(
			'openDatabase: a postgres:// URL in a process on SQLite; set DATABASE_URL to it before start'
		);
	}
	closeReader();
	live = openSqlite(url, options);
	reader = openSqliteReader(url);
	return live;
}

async function closeInstance(instance: DB): Promise<void> {
	if (engine === 'postgres') {
		const pgInstance = instance as unknown as PgDB;
		await Promise.all([pgInstance.$shared.close(), pgInstance.$client.end()]);
		return;
	}
	const sqlite = instance.$client;
	if (sqlite.open) {
		try {
			sqlite.pragma('wal_checkpoint(TRUNCATE)');
		} finally {
			sqlite.close();
		}
	}
}

/** Checkpoints the WAL and closes SQLite, or ends the PostgreSQL pool. */
export async function closeDatabase(): Promise<void> {
	if (!live) return;
	const instance = live;
	// Forgotten first: a later openDatabase must not end the same pool a second time.
	live = undefined;
	// The reader first: the checkpoint on close wants no other connection reading.
	closeReader();
	await closeInstance(instance);
}

type Row = Record<string, unknown>;

/** The first row of a select (undefined when none): SQLite reads one row, PostgreSQL all. */
export async function first<T>(query: { get(): T }): Promise<T> {
	if (engine === 'sqlite') return query.get();
	const rows = (await (query as unknown as PromiseLike<T[]>)) ?? [];
	return rows[0] as T;
}

/** How many rows an awaited insert, update or delete touched, on either engine. */
export function affected(result: unknown): number {
	// An insert with `.returning(...)` resolves to its rows.
	if (Array.isArray(result)) return result.length;
	const r = result as { changes?: number; rowCount?: number | null };
	return Number(r.changes ?? r.rowCount ?? 0);
}

/**
 * A raw statement's first row (raw SQL must be valid on both engines; see db/sql.ts). `sqlFirst`,
 * `sqlAll` and `sqlValues` are for reads (on SQLite they may run on the reader connection);
 * write with `sqlRun`.
 */
export async function sqlFirst<T = Row>(query: SQL): Promise<T> {
	if (engine === 'sqlite') return (foreignReader() ?? liveDatabase()).get<T>(query);
	const result = await (db as unknown as PgDB).execute(query);
	return result.rows[0] as T;
}

/** A raw statement's rows. */
export async function sqlAll<T = Row>(query: SQL): Promise<T[]> {
	if (engine === 'sqlite') return (foreignReader() ?? liveDatabase()).all<T>(query);
	const result = await (db as unknown as PgDB).execute(query);
	return result.rows as T[];
}

/** Runs a raw statement; resolves with the number of rows it touched. */
export async function sqlRun(query: SQL): Promise<{ changes: number }> {
	if (engine === 'sqlite') {
		// Like db.insert/update/delete: not inside another request's open transaction.
		if (outsideOpenTransaction()) await untilForeignTransactionEnds();
		return { changes: affected(liveDatabase().run(query)) };
	}
	const result = await (db as unknown as PgDB).execute(query);
	return { changes: result.rowCount ?? 0 };
}

/** A raw statement's rows as arrays of values. */
export async function sqlValues<T extends unknown[] = unknown[]>(query: SQL): Promise<T[]> {
	if (engine === 'sqlite') return (foreignReader() ?? liveDatabase()).values<T>(query) as T[];
	const result = await (db as unknown as PgDB).execute(query);
	return result.rows.map((row) => Object.values(row) as T);
}

export { schema };
export { insideTransaction, transaction } from './transaction';
export { durableWrite, writeQueueStats, writesSettled } from './write-queue';
export { runExclusive, type ExclusiveRun } from './exclusive';
