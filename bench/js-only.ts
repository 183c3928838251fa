// `npx tsx bench/js-only.ts`: only the JavaScript rows of `npm run bench` (bench/javascript.ts),
// with every file listed, against the current build/ on a fresh demo database. Quick to rerun
// while trimming a page's scripts. BENCH_PORT (default 4620) is the port used.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse } from '../src/lib/server/content/load';
import { javascriptMeter } from './javascript';
import { seedDemo, serverEnv, signIn, untilOk } from './demo-server';

const port = Number(process.env.BENCH_PORT ?? 4620);
const origin = `http://127.0.0.1:${port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-js-'));
const env = serverEnv(path.join(dir, 'js.db'), port);
seedDemo(env);
const server = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });
process.on('exit', () => server.kill('SIGTERM'));
await untilOk(`${origin}/healthz`);
const cookie = await signIn(origin, 'leerkracht@demo.signaalwijs.be');
const mod = loadCourse('modules').moduleBySlug.get('wat-en-hoe')!;
const step = (kind: string) => mod.steps.find((s) => s.meta.kind === kind)!.slug;
const meter = await javascriptMeter();
for (const [name, url] of [
	['bare page', `${origin}/toegankelijkheid`],
	['lesson step', `${origin}/leren/${mod.slug}/${step('lesson')}`],
	['quiz step', `${origin}/leren/${mod.slug}/${step('quiz')}`],
	['/leren', `${origin}/leren`]
]) {
	const js = await meter.measure(url, cookie);
	console.log(
		`${name}: ${(js.bytes / 1024).toFixed(1)} KB in ${js.files.length} files (${js.late.length} late)`
	);
	for (const f of js.files) {
		console.log(
			`  ${(f.gzip / 1024).toFixed(1).padStart(5)}  ${f.path}${js.late.includes(f.path) ? '  (late)' : ''}`
		);
	}
}
await meter.close();
server.kill('SIGTERM');
process.exit(0);
