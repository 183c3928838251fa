// `npm run test:durability`: kills the answer-writing path with SIGKILL at random moments and
// checks after every kill that each answer confirmed before it is in the database, that
// PRAGMA integrity_check is ok and foreign_key_check is empty. Also kills during migrations and
// during backups (the source stays whole; a backup under its final name is always complete).
// Options: --count N (kills under answer load, default 100), --migrations N (default 10),
// --backups N (default 5).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? Number(args[i + 1]) : fallback;
};

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
	// to the "client" (the parent) only when its batch's commit has returned.
	const { durableWrite } = await import('../src/lib/server/db');
	let n = 0;
	const writer = async () => {
		for (;;) {
			const i = n++;
			const { slug, step, item } = items[i % items.length];
			const userId = await learnerFor(Math.floor(i / (items.length * 10)));
			const id = await durableWrite(async () => {
				await progress.answerQuizItem(
					userId,
					slug,
					step,
					item.id,
					i % 3 ? correctAnswer(item) : wrongAnswer(item)
				);
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

function run(mode: Mode, file: string, killAfterMs: () => number) {
	return new Promise<{ confirmed: number[] }>((resolve, reject) => {
		const proc = spawn(
			process.execPath,
			['--import', 'tsx', path.resolve('scripts/durability.ts'), '--child', mode, file],
			{
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		const confirmed: number[] = [];
		const lines = readline.createInterface({ input: proc.stdout });
		let armed = false;
		lines.on('line', (line) => {
			if (line.startsWith('ok ')) confirmed.push(Number(line.slice(3)));
			const trigger =
				mode === 'answers'
					? line === 'ready'
					: line === (mode === 'migrate' ? 'migrating' : 'backing-up');
			if (trigger && !armed) {
				armed = true;
				setTimeout(() => proc.kill('SIGKILL'), killAfterMs());
			}
		});
		proc.on('exit', () => resolve({ confirmed }));
		proc.on('error', reject);
	});
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
		`durability: ${kills} kills under answer load, ${confirmed.length} confirmed answers all present, ` +
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
else await parent();
