// One production server per Playwright worker: its own port, its own database seeded with the
// demo data, and its own SMTP sink, so two workers never share a mutable row or a mailbox. The
// database is an SQLite file, or with E2E_ENGINE=postgres a PostgreSQL database cloned from the
// run's seeded template (tests/support/e2e-postgres.ts).
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';
import { e2eOnPostgres, workerDatabase } from './e2e-postgres';
import { startSmtpSink, type SmtpSink } from './smtp-sink';

export interface E2eServer {
	/** http://127.0.0.1:<port>, exactly the server's ORIGIN. */
	origin: string;
	port: number;
	/** The worker's DATABASE_URL: an SQLite file, or a postgres:// URL with E2E_ENGINE=postgres. */
	database: string;
	/**
	 * The first row of a read-only query on the worker's database (undefined when none), for tests
	 * that read ids or check what was stored. Write SQL both engines read: `?` placeholders,
	 * `"user"` quoted, counts wrapped in Number by the caller (PostgreSQL returns bigint text).
	 */
	query<T>(sql: string, ...params: unknown[]): Promise<T | undefined>;
	mail: SmtpSink;
	stop(): Promise<void>;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: number) {
	return spawn(command, args, { env, stdio: ['ignore', log, log] });
}

function exited(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function waitForHealth(origin: string, server: ChildProcess, log: string): Promise<void> {
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`e2e server exited early; see ${log}`);
		const status = await fetch(`${origin}/healthz`).then(
			(r) => r.status,
			() => 0
		);
		if (status === 200) return;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`e2e server at ${origin} not healthy after 90 s; see ${log}`);
}

/** The environment the e2e servers (and the seeds) run with. */
export function e2eEnvironment(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return {
		...process.env,
		HOST: '127.0.0.1',
		REQUIRE_STAFF_2FA: 'false',
		// The specs retake a failed final assessment at once; retakes.e2e.ts turns the wait on.
		ASSESSMENT_COOLDOWN_MINUTES: '0',
		NODE_ENV: 'production',
		// On PostgreSQL every server needs the two-factor key from its configuration (it is never
		// stored in the database): one fixed key for the whole run, so the seed and every worker's
		// server read the same TOTP secrets.
		...(e2eOnPostgres ? { TWO_FACTOR_KEY: e2eTwoFactorKey } : {}),
		...overrides
	};
}

/** The run's two-factor key on PostgreSQL (made once per run, passed on to the workers). */
const e2eTwoFactorKey = (process.env.E2E_TWO_FACTOR_KEY ??= randomBytes(32).toString('hex'));

async function querySqlite<T>(file: string, sql: string, params: unknown[]) {
	const db = new Database(file, { readonly: true });
	try {
		return db.prepare(sql).get(...params) as T | undefined;
	} finally {
		db.close();
	}
}

async function queryPostgres<T>(url: string, sql: string, params: unknown[]) {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		let n = 0;
		const result = await client.query(
			sql.replace(/\?/g, () => `$${++n}`),
			params
		);
		return result.rows[0] as T | undefined;
	} finally {
		await client.end();
	}
}

/**
 * Seeds `test-results/e2e-<index>.db` (or clones the seeded PostgreSQL template) with the demo data and starts `node server.js` on `port`;
 * `extraEnv` overrides the test environment (a test that needs another setting starts its own).
 */
export async function startE2eServer(
	index: number,
	port: number,
	extraEnv: NodeJS.ProcessEnv = {}
): Promise<E2eServer> {
	const origin = `http://127.0.0.1:${port}`;
	const logFile = `test-results/e2e-server-${index}.log`;
	fs.mkdirSync('test-results', { recursive: true });
	let database = `test-results/e2e-${index}.db`;
	let dataDir: NodeJS.ProcessEnv = {};
	if (e2eOnPostgres) {
		const cloned = await workerDatabase(index);
		database = cloned.url;
		dataDir = { DATA_DIR: cloned.dataDir };
	} else {
		for (const suffix of ['', '-wal', '-shm']) fs.rmSync(database + suffix, { force: true });
	}
	// Appended: Playwright starts a new worker (and server) after a failed test, and the log of
	// the failing server is the one to read.
	const log = fs.openSync(logFile, 'a');
	fs.writeSync(log, `--- ${new Date().toISOString()} server for worker ${index} on ${database}\n`);
	const mail = await startSmtpSink();
	const env = e2eEnvironment({
		DATABASE_URL: database,
		...dataDir,
		PORT: String(port),
		ORIGIN: origin,
		SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
		...extraEnv
	});
	let server: ChildProcess | undefined;
	try {
		// On PostgreSQL the clone already holds the demo data the global set-up seeded.
		if (!e2eOnPostgres) {
			const seed = await exited(run('npx', ['tsx', 'scripts/seed-demo.ts'], env, log));
			if (seed !== 0) throw new Error(`seeding ${database} failed (${seed}); see ${logFile}`);
		}
		server = run(process.execPath, ['server.js'], env, log);
		await waitForHealth(origin, server, logFile);
	} catch (error) {
		server?.kill('SIGTERM');
		await mail.close();
		fs.closeSync(log);
		throw error;
	}
	const running = server;
	return {
		origin,
		port,
		database,
		query: (sql, ...params) =>
			e2eOnPostgres ? queryPostgres(database, sql, params) : querySqlite(database, sql, params),
		mail,
		async stop() {
			running.kill('SIGTERM');
			await exited(running);
			await mail.close();
			fs.closeSync(log);
		}
	};
}

/**
 * Brings `email` to a point in module 1 (tests/support/module-progress.ts) on the server's
 * database, with the real progress functions, while the server runs: its first `point` steps
 * done, or every step before the final assessment done and that assessment failed.
 */
export async function moduleProgress(
	server: Pick<E2eServer, 'database'>,
	email: string,
	point: number | 'failed-assessment' | 'used-attempts'
): Promise<void> {
	const child = spawn(
		'npx',
		['tsx', 'tests/support/module-progress.ts', server.database, email, String(point)],
		{
			env: e2eEnvironment({ DATABASE_URL: server.database }),
			stdio: ['ignore', 'ignore', 'pipe']
		}
	);
	let stderr = '';
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	const code = await exited(child);
	if (code !== 0)
		throw new Error(`module-progress ${point} for ${email} failed (${code}): ${stderr}`);
}
