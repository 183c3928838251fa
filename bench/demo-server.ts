// What the bench scripts share to measure the production server on the demo data: its
// environment, a freshly seeded demo database, waiting until it answers, and a signed-in cookie,
// and the engine switch: `--engine postgres` (or BENCH_ENGINE=postgres) puts each bench database
// on a throwaway PostgreSQL server (tests/support/postgres.ts, fsync on, started once per run
// and removed at exit) instead of an SQLite file.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineOf } from '../src/lib/server/db/engine';
import { startPostgres, type ThrowawayPostgres } from '../tests/support/postgres';

export const demoPassword = 'Signaalwijs-demo-2026';

let dataDir: string | undefined;

/**
 * The environment of `node server.js` on `database`, listening on 127.0.0.1:`port`. On
 * PostgreSQL the key files the platform keeps beside an SQLite file go into one temporary
 * DATA_DIR for the run (every server of the run shares it), not a folder named after the URL.
 */
/** One two-factor key for every server of a PostgreSQL bench run (they share the database). */
const benchTwoFactorKey = randomBytes(32).toString('hex');

export function serverEnv(database: string, port: number): NodeJS.ProcessEnv {
	const onPostgresUrl = engineOf(database) === 'postgres';
	if (onPostgresUrl && !dataDir) {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-bench-keys-'));
		process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
		dataDir = dir;
	}
	return {
		...process.env,
		...(dataDir && onPostgresUrl ? { DATA_DIR: dataDir, TWO_FACTOR_KEY: benchTwoFactorKey } : {}),
		DATABASE_URL: database,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		NODE_ENV: 'production',
		REQUIRE_STAFF_2FA: 'false'
	};
}

/** Migrates the server's database (`env` from serverEnv) and seeds the demo data into it. */
export function seedDemo(env: NodeJS.ProcessEnv): void {
	const seed = spawnSync('npx', ['tsx', 'scripts/seed-demo.ts'], { env, stdio: 'ignore' });
	if (seed.status !== 0) throw new Error('seeding the demo database failed');
}

/** Resolves once `url` answers 200 (polling every 10 ms, for at most about 15 s). */
export async function untilOk(url: string): Promise<void> {
	for (let i = 0; i < 1500; i++) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 10));
	}
	throw new Error(`${url} did not answer`);
}

/** Signs in through the form and returns the session cookie (`name=value`). */
export async function signIn(
	base: string,
	email: string,
	password = demoPassword
): Promise<string> {
	const response = await fetch(`${base}/aanmelden`, {
		method: 'POST',
		headers: {
			origin: base,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed for ${email}`);
	return cookie;
}

export type BenchEngine = 'sqlite' | 'postgres';

function engineArgument(): BenchEngine {
	const i = process.argv.indexOf('--engine');
	const name = i >= 0 ? process.argv[i + 1] : (process.env.BENCH_ENGINE ?? 'sqlite');
	if (name !== 'sqlite' && name !== 'postgres') {
		console.error(`--engine must be sqlite or postgres, not ${name}`);
		process.exit(2);
	}
	return name;
}

/** The engine this bench run measures. */
export const benchEngine: BenchEngine = engineArgument();
export const onPostgres = benchEngine === 'postgres';
/** The engine's name as the figures print it. */
export const engineLabel = onPostgres ? 'PostgreSQL' : 'SQLite';

let postgres: Promise<ThrowawayPostgres> | undefined;
let databases = 0;

/** The throwaway PostgreSQL server of this run (started on first use, durable: fsync on). */
export function benchPostgres(): Promise<ThrowawayPostgres> {
	postgres ??= startPostgres({ durable: true });
	return postgres;
}

/**
 * The DATABASE_URL of a new, empty bench database: the SQLite file `file` as given, or on
 * PostgreSQL a new database named after it on this run's throwaway server.
 */
export async function benchDatabase(file: string): Promise<string> {
	if (!onPostgres) return file;
	const name = `${path.basename(file).replace(/\.db$/, '').replace(/\W+/g, '_')}_${++databases}`;
	return (await benchPostgres()).createDatabase(name);
}

/**
 * A freshly seeded demo database for `node server.js`: the SQLite file `file` seeded with
 * scripts/seed-demo.ts, and on PostgreSQL that file copied into a new database (db:copy's path,
 * so the demo data is the same on both engines). Returns its DATABASE_URL.
 */
export async function demoDatabase(file: string, extraLearners = 0): Promise<string> {
	seedDemo(serverEnv(file, 0));
	if (extraLearners) addLearners(file, extraLearners);
	return copiedToPostgres(file, true);
}

/** The e-mail address of the `n`th learner `demoDatabase` adds (from 1), password demoPassword. */
export const extraLearnerEmail = (n: number) => `bench-lerende-${n}@demo.signaalwijs.be`;

/**
 * Adds `count` learners to the seeded SQLite file, each a copy of the demo teacher (same
 * organisation, role and password) under extraLearnerEmail(n): for rows that spread their load
 * over many learners, as a school's does.
 */
function addLearners(file: string, count: number): void {
	const sqlite = new Database(file);
	try {
		const teacher = sqlite
			.prepare('select id, password_hash as hash, created_at as at from user where email = ?')
			.get('leerkracht@demo.signaalwijs.be') as { id: number; hash: string; at: number };
		const addUser = sqlite.prepare(
			'insert into user (email, name, password_hash, created_at) values (?, ?, ?, ?)'
		);
		const addMembership = sqlite.prepare(
			'insert into membership (user_id, organisation_id, role, audience, team_id, created_at) ' +
				'select ?, organisation_id, role, audience, team_id, created_at from membership where user_id = ?'
		);
		sqlite.transaction(() => {
			for (let n = 1; n <= count; n++) {
				const user = addUser.run(extraLearnerEmail(n), `Lerende ${n}`, teacher.hash, teacher.at);
				addMembership.run(user.lastInsertRowid, teacher.id);
			}
		})();
	} finally {
		sqlite.close();
	}
}

/**
 * The DATABASE_URL of `file`'s data (an SQLite file made by bench:seed): the file itself, or on
 * PostgreSQL BENCH_DATABASE_URL when set (filled by `npm run bench:seed -- --engine postgres
 * --to ...`), otherwise a new database on this run's server that `file` is copied into
 * (db:copy's copySqliteToPostgres; prints its rows/s).
 */
export async function benchDatabaseFrom(file: string): Promise<string> {
	if (!onPostgres) return file;
	if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
	return copiedToPostgres(file, false);
}

async function copiedToPostgres(file: string, quiet: boolean): Promise<string> {
	if (!onPostgres) return file;
	const url = await benchDatabase(file);
	const { copySqliteToPostgres } = await import('../src/lib/server/db/postgres/copy');
	const started = performance.now();
	const counts = await copySqliteToPostgres({ from: file, to: url });
	const rows = counts.reduce((sum, c) => sum + c.postgres, 0);
	const seconds = (performance.now() - started) / 1000;
	if (!quiet)
		console.log(
			`Copied ${file} into PostgreSQL: ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s).`
		);
	return url;
}
