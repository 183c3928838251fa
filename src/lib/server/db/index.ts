// The one database client: opens SQLite with the pragmas this platform depends on and migrates it.
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { ensurePrivateDir, ensurePrivateFile, narrowToPrivate } from '../platform/file-modes';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The live database; set by `openDatabase` (server start, scripts, each test). */
export let db: DB;

export class MigrationError extends Error {}

/**
 * Opens (and creates) the SQLite file, sets the pragmas and applies every pending migration.
 * `:memory:` gives a private database, as the unit tests use.
 */
export function openDatabase(
	url: string,
	options: { migrationsDir?: string; migrate?: boolean } = {}
): DB {
	if (url !== ':memory:') {
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
	const instance = drizzle(sqlite, { schema }) as DB;
	if (options.migrate !== false) {
		const migrationsFolder = options.migrationsDir ?? path.resolve('drizzle');
		try {
			migrate(instance, { migrationsFolder });
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
	db = instance;
	return instance;
}

/** Checkpoints the WAL and closes the live database. */
export function closeDatabase(): void {
	if (!db) return;
	const sqlite = db.$client;
	if (sqlite.open) {
		try {
			sqlite.pragma('wal_checkpoint(TRUNCATE)');
		} finally {
			sqlite.close();
		}
	}
}

/** Runs `fn` in one immediate transaction (a write lock from the start avoids busy upgrades). */
export function transaction<T>(fn: (tx: DB) => T): T {
	const sqlite = db.$client;
	const run = sqlite.transaction(() => fn(db));
	return run.immediate();
}

export { schema };
export { durableWrite, writeQueueStats } from './write-queue';
