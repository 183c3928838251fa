// `npx tsx bench/js-only.ts`: only the JavaScript rows of `npm run bench` (bench/javascript.ts),
// with every file listed, against the current build/ on a fresh demo database. Quick to rerun
// while trimming a page's scripts. BENCH_PORT (default 4620) is the port used.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse } from '../src/lib/server/content/load';
import { javascriptMeter } from './javascript';

const port = Number(process.env.BENCH_PORT ?? 4620);
const origin = `http://127.0.0.1:${port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-js-'));
const env = {
	...process.env,
	DATABASE_URL: path.join(dir, 'js.db'),
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	NODE_ENV: 'production',
	REQUIRE_STAFF_2FA: 'false'
};
if (spawnSync('npx', ['tsx', 'scripts/seed-demo.ts'], { env, stdio: 'ignore' }).status !== 0) {
	throw new Error('seeding the demo database failed');
}
const server = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });
process.on('exit', () => server.kill('SIGTERM'));
for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${origin}/healthz`)).ok) break;
	} catch {
		if (i > 1500) throw new Error('server did not start');
	}
	await new Promise((r) => setTimeout(r, 10));
}
const signIn = await fetch(`${origin}/aanmelden`, {
	method: 'POST',
	headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
	body: new URLSearchParams({
		email: 'leerkracht@demo.signaalwijs.be',
		password: 'Signaalwijs-demo-2026'
	}),
	redirect: 'manual'
});
const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
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
