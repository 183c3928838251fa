// Opening the PostgreSQL engine for the server, scripts and tests: a pool on the URL, the
// pending migrations applied under an advisory lock (two servers starting at once migrate once),
// and, for the tests, `:memory:` as a fresh database cloned from a migrated template.
import pg from 'pg';
import { applyPostgresMigrations, openPostgres, postgresClientConfig, type PgDB } from './index';

/** The advisory lock key the migrations run under (any fixed 64-bit number). */
const MIGRATION_LOCK = 5_170_019;

async function migrateUnderLock(url: string): Promise<void> {
	const client = new pg.Client(postgresClientConfig(url));
	await client.connect();
	try {
		await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
		try {
			await client.query('BEGIN');
			await applyPostgresMigrations(client);
			await client.query('COMMIT');
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
		}
	} finally {
		await client.end();
	}
}

function withDatabase(url: string, name: string): string {
	const parsed = new URL(url);
	parsed.pathname = '/' + name;
	return parsed.toString();
}

function databaseName(url: string): string {
	return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
}

const quote = (name: string) => '"' + name.replace(/"/g, '""') + '"';

let templateReady: Promise<string> | undefined;
let freshCount = 0;
let lastFresh: string | undefined;

/** The migrated template database next to DATABASE_URL's, made once across test workers. */
function template(base: string): Promise<string> {
	templateReady ??= (async () => {
		const name = `${databaseName(base)}_template`;
		const admin = new pg.Client(postgresClientConfig(base));
		await admin.connect();
		try {
			await admin.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK + 1]);
			const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
			if (!exists.rowCount) {
				await admin.query(`CREATE DATABASE ${quote(name)}`);
				await migrateUnderLock(withDatabase(base, name));
			}
			await admin.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK + 1]);
		} finally {
			await admin.end();
		}
		return name;
	})();
	return templateReady;
}

/** A new empty, migrated database for one test; the previous one of this process is dropped. */
async function freshDatabaseUrl(base: string): Promise<string> {
	const source = await template(base);
	const name = `${databaseName(base)}_t${process.pid}_${++freshCount}`;
	const admin = new pg.Client(postgresClientConfig(base));
	await admin.connect();
	try {
		if (lastFresh) await admin.query(`DROP DATABASE IF EXISTS ${quote(lastFresh)}`);
		for (let tries = 0; ; tries++) {
			try {
				await admin.query(`CREATE DATABASE ${quote(name)} TEMPLATE ${quote(source)}`);
				break;
			} catch (error) {
				// Another worker cloning the template at the same moment: try again shortly.
				if (tries > 50 || !/being accessed by other users/.test(String(error))) throw error;
				await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
			}
		}
	} finally {
		await admin.end();
	}
	lastFresh = name;
	return withDatabase(base, name);
}

export async function openPostgresDatabase(
	url: string,
	options: { migrate?: boolean } = {}
): Promise<PgDB> {
	if (url === ':memory:') {
		const base = process.env.DATABASE_URL;
		if (!base) throw new Error('DATABASE_URL must name the PostgreSQL test server.');
		const fresh = await freshDatabaseUrl(base);
		return openPostgres(fresh, { max: 4 });
	}
	if (options.migrate !== false) await migrateUnderLock(url);
	return openPostgres(url, {
		max: Number(process.env.DATABASE_POOL_SIZE) || 10,
		shared: Number(process.env.DATABASE_SHARED_CONNECTIONS) || 1
	});
}
