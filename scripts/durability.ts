// `npm run test:durability`: kills the answer-writing path with SIGKILL at random moments and
// checks after every kill that each answer confirmed before it is in the database, that
// PRAGMA integrity_check is ok and foreign_key_check is empty. Also kills during migrations and
// during backups (the source stays whole; a backup under its final name is always complete).
// Options: --count N (kills under answer load, default 100), --migrations N (default 10),
// --backups N (default 5), --engine sqlite|postgres (default sqlite).
// On PostgreSQL (--engine postgres) a throwaway server (tests/support/postgres.ts, fsync on)
// holds the database; the child writes to it through DATABASE_URL. After every kill a pg client
// checks that each confirmed answer is there, that no row breaks a foreign key (PostgreSQL
// enforces them; checked anyway, as foreign_key_check does on SQLite) and that every response
// belongs to its enrolment's learner. Migration kills land while the migrations run in their one
// transaction: the database must be either unmigrated or fully migrated, never half. Backup kills
// are skipped: platform/backup copies the SQLite file, PostgreSQL has its own tools.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import pg from 'pg';
import { startPostgres } from '../tests/support/postgres';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};
const engineIndex = args.indexOf('--engine');
const engineName = engineIndex >= 0 ? args[engineIndex + 1] : 'sqlite';
if (engineName !== 'sqlite' && engineName !== 'postgres') {
	console.error(`durability: --engine must be sqlite or postgres, not ${engineName}`);
	process.exit(2);
}

type Mode = 'answers' | 'migrate' | 'backup';

async function child(mode: Mode, file: string): Promise<void> {
	if (mode === 'backup') {
		const { backupDatabase } = await import('../src/lib/server/platform/backup');
		console.log('backing-up');
		// Back to back until killed: the kill lands before, during or after a copy or a rename.
		for (;;) {
			const result = await backupDatabase(file, path.join(path.dirname(file), 'backups'), 1000);
			console.log(`backup ${result.file}`);
		}
	}
	const { openDatabase } = await import('../src/lib/server/db');
	if (mode === 'migrate') {
		console.log('migrating');
		await openDatabase(file);
		console.log('migrated');
		const { closeDatabase } = await import('../src/lib/server/db');
		await closeDatabase();
		return;
	}
	const { syncShippedModules } = await import('../src/lib/server/content/versions');
	const { loadCourse } = await import('../src/lib/server/content/load');
	const progress = await import('../src/lib/server/learning');
	const { correctAnswer, wrongAnswer } = await import('../src/lib/server/learning/grading');
	const { user, response } = await import('../src/lib/server/db/schema');
	const { sql, eq } = await import('drizzle-orm');
	const { db, first, sqlFirst } = await import('../src/lib/server/db');
	await openDatabase(file);
	const course = loadCourse('modules');
	await syncShippedModules(course);
	// Practice answers beyond the newest 20 of an item are pruned (learning/records.ts,
	// practiceKept), which is not a loss: each learner answers every item at most 10 times, so
	// every confirmed answer must still be there.
	const learnerIds = new Map<number, number>();
	const learnerFor = async (k: number): Promise<number> => {
		let id = learnerIds.get(k);
		if (id === undefined) {
			const email = `duurzaam-${process.pid}-${k}@test.signaalwijs.be`;
			await db.insert(user).values({ email, name: 'Duurzaamheid' }).onConflictDoNothing();
			id = (await first(db.select({ id: user.id }).from(user).where(eq(user.email, email))))!.id;
			learnerIds.set(k, id);
		}
		return id;
	};
	const items = course.modules.flatMap((m) =>
		m.steps.flatMap((s) =>
			(s.quiz?.items ?? []).map((item) => ({ slug: m.slug, step: s.slug, item }))
		)
	);
	console.log('ready');
	// Eight writers through the group commit, as concurrent requests use it: an id is confirmed
	// to the "client" (the parent) only when its batch's commit has returned. Every other answer
	// goes the way of the answer form: the enrolment read first, then a pipelined write
	// (recordQuizAnswer with `seen`, learning/quiz.ts); the others as a plain queued write.
	const { durableWrite } = await import('../src/lib/server/db');
	const { findEnrolment } = await import('../src/lib/server/learning/enrolment');
	let n = 0;
	const writer = async () => {
		for (;;) {
			const i = n++;
			const { slug, step, item } = items[i % items.length];
			const userId = await learnerFor(Math.floor(i / (items.length * 10)));
			const answer = i % 3 ? correctAnswer(item) : wrongAnswer(item);
			if (i % 2) {
				const seen = await findEnrolment(userId, slug);
				const outcome = await progress.recordQuizAnswer(userId, slug, step, item.id, answer, seen);
				process.stdout.write(`ok ${outcome.responseId}\n`);
				continue;
			}
			const id = await durableWrite(async () => {
				await progress.answerQuizItem(userId, slug, step, item.id, answer);
				return (
					await sqlFirst<{ id: number }>(
						sql`select max(${response.id}) as id from ${response} where ${response.userId} = ${userId}`
					)
				).id;
			});
			process.stdout.write(`ok ${id}\n`);
		}
	};
	await Promise.all(Array.from({ length: 8 }, writer));
}

function check(file: string, confirmed: number[]): string | null {
	const db = new Database(file);
	try {
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') return `integrity_check: ${String(integrity)}`;
		const fk = db.pragma('foreign_key_check') as unknown[];
		if (fk.length) return `foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`;
		const foreign = db.prepare(misattributed).get() as { n: number } | undefined;
		if (foreign?.n) return `${foreign.n} responses belong to another learner's enrolment`;
		if (confirmed.length) {
			const present = new Set(
				(db.prepare('select id from response').all() as { id: number }[]).map((r) => r.id)
			);
			const lost = confirmed.filter((id) => !present.has(id));
			if (lost.length)
				return `${lost.length} confirmed answers lost, e.g. ${lost.slice(0, 5).join(', ')}`;
		}
		return null;
	} finally {
		db.close();
	}
}

/**
 * Migrates a database a killed child left, in this process (one child start less per kill),
 * under the server's advisory lock: a killed child's session may still hold it for a moment.
 */
async function finishMigrations(url: string): Promise<void> {
	const { applyPostgresMigrations, postgresClientConfig } =
		await import('../src/lib/server/db/postgres/index');
	const client = new pg.Client(postgresClientConfig(url));
	await client.connect();
	try {
		await client.query('select pg_advisory_lock(5170019)');
		await client.query('begin');
		await applyPostgresMigrations(client);
		await client.query('commit');
	} finally {
		await client.end();
	}
}

/** Responses whose enrolment is another learner's (0 on a consistent database). */
const misattributed = `select count(*) as n from response r join enrolment e on e.id = r.enrolment_id
	where r.user_id is not null and r.user_id <> e.user_id`;

/** PostgreSQL's counterpart of check(): confirmed answers, foreign keys, enrolment owners. */
async function checkPostgres(url: string, confirmed: number[]): Promise<string | null> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const keys = await client.query<{
			name: string;
			child: string;
			parent: string;
			childColumns: string[];
			parentColumns: string[];
		}>(
			`select c.conname as name, c.conrelid::regclass::text as child,
				c.confrelid::regclass::text as parent,
				array(select quote_ident(a.attname) from unnest(c.conkey) with ordinality k(n, i)
					join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[]
					as "childColumns",
				array(select quote_ident(a.attname) from unnest(c.confkey) with ordinality k(n, i)
					join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)::text[]
					as "parentColumns"
			 from pg_constraint c
			 where c.contype = 'f' and c.connamespace = 'public'::regnamespace`
		);
		if (!keys.rows.length) return 'no foreign keys found: the database is not migrated';
		for (const key of keys.rows) {
			const present = key.childColumns.map((c) => `c.${c} is not null`).join(' and ');
			const matches = key.childColumns
				.map((c, i) => `p.${key.parentColumns[i]} = c.${c}`)
				.join(' and ');
			const orphans = await client.query<{ n: number }>(
				`select count(*)::int as n from ${key.child} c where ${present}
				 and not exists (select 1 from ${key.parent} p where ${matches})`
			);
			if (orphans.rows[0].n)
				return `foreign key ${key.name}: ${orphans.rows[0].n} rows without a parent`;
		}
		const foreign = await client.query<{ n: string }>(misattributed);
		if (Number(foreign.rows[0].n))
			return `${foreign.rows[0].n} responses belong to another learner's enrolment`;
		if (confirmed.length) {
			const { rows } = await client.query<{ id: number }>('select id from response');
			const present = new Set(rows.map((r) => Number(r.id)));
			const lost = confirmed.filter((id) => !present.has(id));
			if (lost.length)
				return `${lost.length} confirmed answers lost, e.g. ${lost.slice(0, 5).join(', ')}`;
		}
		return null;
	} finally {
		await client.end();
	}
}

/** Kills `proc` a few milliseconds after a transaction opens on `url`'s database. */
async function killInTransaction(
	admin: string,
	url: string,
	proc: ReturnType<typeof spawn>,
	watching: () => boolean
): Promise<boolean> {
	const name = decodeURIComponent(new URL(url).pathname.slice(1));
	const client = new pg.Client({ connectionString: admin });
	await client.connect();
	try {
		while (watching()) {
			const open = await client.query(
				'select 1 from pg_stat_activity where datname = $1 and xact_start is not null',
				[name]
			);
			if (open.rowCount) {
				await new Promise((r) => setTimeout(r, Math.random() * 30));
				return proc.kill('SIGKILL');
			}
			await new Promise((r) => setTimeout(r, 2));
		}
		return false;
	} finally {
		await client.end();
	}
}

/**
 * A PostgreSQL database after a killed migration: nothing of the migrations (their transaction
 * rolled back) or all of them, as on `reference` (a fully migrated database). Returns the state
 * or a problem.
 */
async function migrationState(
	url: string,
	reference: { tables: number; migrations: number }
): Promise<'unmigrated' | 'migrated' | { problem: string }> {
	const state = await schemaShape(url);
	if (state.tables === 0 && state.migrations === 0) return 'unmigrated';
	if (state.tables === reference.tables && state.migrations === reference.migrations)
		return 'migrated';
	return {
		problem: `half migrated: ${state.tables} of ${reference.tables} tables, ${state.migrations} of ${reference.migrations} migrations recorded`
	};
}

async function schemaShape(url: string): Promise<{ tables: number; migrations: number }> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const tables = await client.query<{ n: number }>(
			"select count(*)::int as n from information_schema.tables where table_schema = 'public'"
		);
		const journal = await client.query<{ n: number }>(
			"select count(*)::int as n from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'"
		);
		const migrations = journal.rows[0].n
			? (
					await client.query<{ n: number }>(
						'select count(*)::int as n from drizzle.__drizzle_migrations'
					)
				).rows[0].n
			: 0;
		return { tables: tables.rows[0].n, migrations };
	} finally {
		await client.end();
	}
}

function run(
	mode: Mode,
	file: string,
	killAfterMs: () => number,
	started?: (proc: ReturnType<typeof spawn>) => void
) {
	return new Promise<{ confirmed: number[] }>((resolve, reject) => {
		const proc = spawn(
			process.execPath,
			['--import', 'tsx', path.resolve('scripts/durability.ts'), '--child', mode, file],
			{
				stdio: ['ignore', 'pipe', 'inherit'],
				// On PostgreSQL `file` is the database's URL and selects the engine in the child.
				env: engineName === 'postgres' ? { ...process.env, DATABASE_URL: file } : process.env
			}
		);
		started?.(proc);
		const confirmed: number[] = [];
		const lines = readline.createInterface({ input: proc.stdout });
		let armed = false;
		let timer: NodeJS.Timeout | undefined;
		lines.on('line', (line) => {
			if (line.startsWith('ok ')) confirmed.push(Number(line.slice(3)));
			const trigger =
				mode === 'answers'
					? line === 'ready'
					: line === (mode === 'migrate' ? 'migrating' : 'backing-up');
			if (trigger && !armed) {
				armed = true;
				timer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs());
			}
		});
		proc.on('exit', () => {
			clearTimeout(timer);
			resolve({ confirmed });
		});
		proc.on('error', reject);
	});
}

async function parentPostgres() {
	const kills = option('count', 100);
	const migrationKills = option('migrations', 10);
	const server = await startPostgres({ durable: true });
	const url = await server.createDatabase('durability');
	const confirmed: number[] = [];
	const started = Date.now();
	try {
		for (let i = 1; i <= kills; i++) {
			// Later than on SQLite: each answer takes a few round trips to the server, so a kill
			// 20-420 ms after "ready" would often land before the first commit.
			const result = await run('answers', url, () => 50 + Math.random() * 950);
			confirmed.push(...result.confirmed);
			const problem = await checkPostgres(url, confirmed);
			if (problem) {
				console.error(`durability (PostgreSQL): after kill ${i}: ${problem}`);
				process.exit(1);
			}
		}
		// Migration kills: the child migrates a new database; the kill lands before, during or
		// after the migrations' transaction. Then a second child migrates it to the end.
		const reference = await schemaShape(url);
		const seen = { unmigrated: 0, migrated: 0 };
		let inside = 0;
		for (let i = 1; i <= migrationKills; i++) {
			const fresh = await server.createDatabase(`migrate_${i}`);
			// Odd kills: at a random moment in the first second after "migrating" (the migrations'
			// transaction runs about 0.3-0.8 s after it on a quiet machine). Even kills: as soon as
			// the server shows the child's transaction open, a few milliseconds into it.
			if (i % 2) await run('migrate', fresh, () => Math.random() * 1000);
			else {
				let watching = true;
				await run(
					'migrate',
					fresh,
					() => 60_000,
					(proc) =>
						void killInTransaction(server.url, fresh, proc, () => watching).then((hit) => {
							if (hit) inside++;
						})
				);
				watching = false;
			}
			const state = await migrationState(fresh, reference);
			if (typeof state === 'object') {
				console.error(`durability (PostgreSQL): migration killed (${i}): ${state.problem}`);
				process.exit(1);
			}
			seen[state]++;
			await finishMigrations(fresh);
			const after = await migrationState(fresh, reference);
			const problem =
				after === 'migrated' ? await checkPostgres(fresh, []) : 'not migrated after a full run';
			if (problem) {
				console.error(`durability (PostgreSQL): migration killed (${i}), then rerun: ${problem}`);
				process.exit(1);
			}
		}
		const seconds = ((Date.now() - started) / 1000).toFixed(0);
		console.log(
			`durability (PostgreSQL): ${kills} kills under answer load, ${confirmed.length} confirmed answers all present, ` +
				`${migrationKills} kills during migration (${inside} inside its open transaction; ${seen.unmigrated} left it unmigrated, ${seen.migrated} migrated, none half; ` +
				`each migrated to the end afterwards), backup kills skipped (SQLite-specific: platform/backup copies ` +
				`the SQLite file); no foreign key violations, every response on its learner's enrolment (${seconds} s)`
		);
	} finally {
		server.stop();
	}
}

async function parent() {
	const kills = option('count', 100);
	const migrationKills = option('migrations', 10);
	const backupKills = option('backups', 5);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-durability-'));
	const file = path.join(dir, 'durability.db');
	const confirmed: number[] = [];
	const started = Date.now();
	for (let i = 1; i <= kills; i++) {
		const result = await run('answers', file, () => 20 + Math.random() * 400);
		confirmed.push(...result.confirmed);
		const problem = check(file, confirmed);
		if (problem) {
			console.error(`durability: after kill ${i}: ${problem}`);
			process.exit(1);
		}
	}
	for (let i = 1; i <= migrationKills; i++) {
		const fresh = path.join(dir, `migrate-${i}.db`);
		await run('migrate', fresh, () => Math.random() * 15);
		const { openDatabase, closeDatabase } = await import('../src/lib/server/db');
		await openDatabase(fresh);
		await closeDatabase();
		const problem = check(fresh, []);
		if (problem) {
			console.error(`durability: migration killed (${i}): ${problem}`);
			process.exit(1);
		}
	}
	const backups = await killBackups(file, dir, backupKills);
	fs.rmSync(dir, { recursive: true, force: true });
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	console.log(
		`durability (SQLite): ${kills} kills under answer load, ${confirmed.length} confirmed answers all present, ` +
			`${migrationKills} kills during migration, ${backupKills} kills during backup ` +
			`(${backups.complete} complete backups, ${backups.partial} temporary files left); ` +
			`integrity ok, no foreign key violations (${seconds} s)`
	);
}

/**
 * Backs up a copy of the answer database, grown with a scratch table so that one copy takes long
 * enough to be interrupted, and kills the backup at random moments. After every kill the source
 * must be whole and every file under a final backup name complete; `.partial` files may remain.
 */
async function killBackups(answers: string, dir: string, kills: number) {
	const work = path.join(dir, 'backup-source');
	fs.mkdirSync(work, { recursive: true });
	const source = path.join(work, 'source.db');
	fs.copyFileSync(answers, source);
	const grow = new Database(source);
	grow.exec('create table durability_filler (data blob)');
	const insert = grow.prepare('insert into durability_filler values (randomblob(4096))');
	grow.transaction(() => {
		for (let i = 0; i < 8000; i++) insert.run();
	})();
	grow.close();
	const backupDir = path.join(work, 'backups');
	const { checkIntegrity, listBackups } = await import('../src/lib/server/platform/backup');
	for (let i = 1; i <= kills; i++) {
		await run('backup', source, () => Math.random() * 600);
		const problem = check(source, []);
		if (problem) {
			console.error(`durability: backup killed (${i}): source ${problem}`);
			process.exit(1);
		}
		for (const file of listBackups(backupDir)) {
			const result = checkIntegrity(file);
			if (result !== 'ok') {
				console.error(`durability: backup killed (${i}): ${path.basename(file)}: ${result}`);
				process.exit(1);
			}
		}
	}
	const left = fs.existsSync(backupDir) ? fs.readdirSync(backupDir) : [];
	return {
		complete: listBackups(backupDir).length,
		partial: left.filter((name) => name.endsWith('.partial')).length
	};
}

if (args[0] === '--child') await child(args[1] as Mode, args[2]);
else if (engineName === 'postgres') await parentPostgres();
else await parent();
