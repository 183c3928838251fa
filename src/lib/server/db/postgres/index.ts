// The PostgreSQL client: a node-postgres pool with `synchronous_commit=on` (an answer confirmed
// to a learner survives a crash) and the migrations of drizzle/postgres/. The domain code
// reach it through ../index.ts (open.ts) when DATABASE_URL is a postgres:// URL.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { SharedConnections } from './shared-connection';

export type PgDB = NodePgDatabase<typeof schema> & {
	$client: pg.Pool;
	/** The pipelined connection(s) for short statements outside a transaction (prepared.ts). */
	$shared: SharedConnections;
};

/** Where drizzle-kit writes the PostgreSQL migrations (drizzle.postgres.config.ts). */
export function postgresMigrationsDir(): string {
	return path.resolve('drizzle/postgres');
}

/** Session settings every connection gets, whatever the server's defaults are. */
const SESSION_OPTIONS = '-c synchronous_commit=on -c TimeZone=UTC';

export function postgresClientConfig(url: string): pg.ClientConfig {
	return { connectionString: url, options: SESSION_OPTIONS };
}

/**
 * The pool every query of this process goes through, except the short prepared statements
 * outside a transaction, which go on the shared connection(s) (shared-connection.ts). Pipeline
 * mode: a connection sends a query without waiting for the answer to the one before (each still
 * has its own Sync, so a failed one fails alone outside a transaction). Only code that starts
 * several queries at once on one connection notices: the group commit's side-by-side and
 * pipelined writes (write-queue.ts) share the round trips of their transaction's connection
 * that way.
 */
export function openPostgres(url: string, options: { max?: number; shared?: number } = {}): PgDB {
	const config = postgresClientConfig(url);
	const pool = new pg.Pool({
		...config,
		pipeline: true,
		max: options.max ?? 10
	});
	// An idle connection the server dropped (restart, fail-over) must not crash the process;
	// the pool replaces it on the next query.
	pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
	const database = drizzle(pool, { schema }) as PgDB;
	database.$shared = new SharedConnections(config, options.shared ?? 1);
	return database;
}

/**
 * Applies the pending migrations on `client`, in the caller's transaction when one is open.
 * Bookkeeping as drizzle-orm's own migrator keeps it (drizzle.__drizzle_migrations), so either
 * can continue where the other stopped.
 */
export async function applyPostgresMigrations(
	client: pg.ClientBase,
	migrationsDir = postgresMigrationsDir()
): Promise<number> {
	if (!fs.existsSync(path.join(migrationsDir, 'meta', '_journal.json'))) {
		throw new Error(`No PostgreSQL migrations in ${migrationsDir}.`);
	}
	const migrations = readMigrationFiles({ migrationsFolder: migrationsDir });
	await client.query('CREATE SCHEMA IF NOT EXISTS "drizzle"');
	await client.query(
		'CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)'
	);
	const last = await client.query<{ created_at: string }>(
		'SELECT created_at FROM "drizzle"."__drizzle_migrations" ORDER BY created_at DESC LIMIT 1'
	);
	const lastMillis = last.rows.length ? Number(last.rows[0].created_at) : -1;
	let applied = 0;
	for (const migration of migrations) {
		if (migration.folderMillis <= lastMillis) continue;
		for (const statement of migration.sql) {
			if (statement.trim()) await client.query(statement);
		}
		await client.query(
			'INSERT INTO "drizzle"."__drizzle_migrations" ("hash", "created_at") VALUES ($1, $2)',
			[migration.hash, migration.folderMillis]
		);
		applied++;
	}
	return applied;
}

export { schema };
