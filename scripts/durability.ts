// `npm run test:durability`: kills the answer-writing path with SIGKILL at random moments and
// checks after every kill that each answer confirmed before it is in the database, that
// PRAGMA integrity_check is ok and foreign_key_check is empty. Also kills during migrations.
// Options: --count N (kills under answer load, default 100), --migrations N (default 10).
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

async function child(mode: 'answers' | 'migrate', file: string): Promise<void> {
	const { openDatabase } = await import('../src/lib/server/db');
	if (mode === 'migrate') {
		console.log('migrating');
		openDatabase(file);
		console.log('migrated');
		return;
	}
	const { syncShippedModules } = await import('../src/lib/server/catalogue');
	const { loadCourse } = await import('../src/lib/server/content/load');
	const progress = await import('../src/lib/server/progress');
	const { correctAnswer, wrongAnswer } = await import('../src/lib/server/grading');
	const { user, response } = await import('../src/lib/server/db/schema');
	const { sql, eq } = await import('drizzle-orm');
	const db = openDatabase(file);
	const course = loadCourse('modules');
	syncShippedModules(course);
	const email = `duurzaam-${process.pid}@test.signaalwijs.be`;
	db.insert(user).values({ email, name: 'Duurzaamheid' }).onConflictDoNothing().run();
	const userId = db.select({ id: user.id }).from(user).where(eq(user.email, email)).get()!.id;
	const items = course.modules.flatMap((m) =>
		m.steps.flatMap((s) =>
			(s.quiz?.items ?? []).map((item) => ({ slug: m.slug, step: s.slug, item }))
		)
	);
	console.log('ready');
	for (let n = 0; ; n++) {
		const { slug, step, item } = items[n % items.length];
		progress.answerQuizItem(
			userId,
			slug,
			step,
			item.id,
			n % 3 ? correctAnswer(item) : wrongAnswer(item)
		);
		// Read back after the commit: this id is now confirmed to the "client" (the parent).
		const id = db.get<{ id: number }>(
			sql`select max(${response.id}) as id from ${response} where ${response.userId} = ${userId}`
		).id;
		process.stdout.write(`ok ${id}\n`);
	}
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

function run(mode: 'answers' | 'migrate', file: string, killAfterMs: () => number) {
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
			const trigger = mode === 'answers' ? line === 'ready' : line === 'migrating';
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
		openDatabase(fresh);
		closeDatabase();
		const problem = check(fresh, []);
		if (problem) {
			console.error(`durability: migration killed (${i}): ${problem}`);
			process.exit(1);
		}
	}
	fs.rmSync(dir, { recursive: true, force: true });
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	console.log(
		`durability: ${kills} kills under answer load, ${confirmed.length} confirmed answers all present, ` +
			`${migrationKills} kills during migration; integrity ok, no foreign key violations (${seconds} s)`
	);
}

if (args[0] === '--child') await child(args[1] as 'answers' | 'migrate', args[2]);
else await parent();
