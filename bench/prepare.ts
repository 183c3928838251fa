// What `npm run bench` and `npm run bench:profile` need before they measure, each made only when it
// is missing or stale: Chromium (scripts/ensure-chromium.js, as `npm test` does), a production
// build no older than the sources (the freshness rule of scripts/demo.js), and the synthetic
// manager-report database of `npm run bench:seed` (200,000 learners, cached in data/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function newest(entry: string): number {
	if (!fs.existsSync(entry)) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let max = stat.mtimeMs;
	for (const child of fs.readdirSync(entry)) max = Math.max(max, newest(path.join(entry, child)));
	return max;
}

function run(what: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
	const result = spawnSync(command, args, { stdio: 'inherit', env });
	if (result.status !== 0) {
		console.error(`${what} failed (exit ${result.status ?? result.signal}).`);
		process.exit(1);
	}
}

/** Exits with scripts/ensure-chromium.js's advice when Chromium is missing and cannot be installed. */
export function ensureChromium() {
	run('Making sure Chromium is there', process.execPath, ['scripts/ensure-chromium.js']);
}

/** Builds with `vite build` when build/handler.js is missing or older than any source file. */
export function ensureBuild() {
	const built = fs.existsSync('build/handler.js') ? fs.statSync('build/handler.js').mtimeMs : 0;
	const sources = Math.max(
		...['src', 'modules', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json'].map(
			newest
		)
	);
	if (sources > built) {
		console.log(
			built
				? 'Building: the sources are newer than build/ ...'
				: 'Building: there is no build/ yet ...'
		);
		run('vite build', 'npx', ['vite', 'build', '--logLevel', 'warn'], {
			...process.env,
			NODE_ENV: 'production'
		});
	}
}

/**
 * Creates the manager-report database with bench/seed.ts when it is missing (200,000 learners,
 * about five million responses, 1.1 GB; 5.5 minutes on two shared cores, once: later runs reuse
 * the file). BENCH_SCALE shrinks it for a quick look, but the targets are set at scale 1.
 */
export function ensureBenchDb(file: string) {
	if (fs.existsSync(file)) {
		// Made by an earlier version: brought to this version's schema (the server would migrate
		// it too, but on PostgreSQL the bench first copies it, which needs the current schema).
		run('bench/migrate.ts', 'npx', ['tsx', 'bench/migrate.ts', file], {
			...process.env,
			DATABASE_URL: file
		});
		return;
	}
	console.log(`Creating ${file} with bench/seed.ts (once; later runs reuse it) ...`);
	fs.mkdirSync(path.dirname(file), { recursive: true });
	// Seeded under another name and renamed when complete: an interrupted seed is never reused.
	const partial = `${file}.partial`;
	run('bench/seed.ts', 'npx', ['tsx', 'bench/seed.ts'], { ...process.env, BENCH_DB: partial });
	for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
	fs.renameSync(partial, file);
}
