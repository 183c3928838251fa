// `npm run lighthouse`: Lighthouse 12.8.2 on Debian Chromium against the production build
// (`node server.js` on a fresh demo database) for a lesson step, a quiz step and the learner's
// dashboard, signed in as the demo teacher. Prints the performance and accessibility scores
// against the targets (>= 95 and 100). Figures, not a test.
// Usage: npx vite build && npm run lighthouse   (LIGHTHOUSE_PORT default 4640)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCourse } from '../src/lib/server/content/load';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 4640);
const origin = `http://127.0.0.1:${port}`;
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';

if (!fs.existsSync('build/handler.js')) {
	console.error('Run `npx vite build` first: Lighthouse measures the production build.');
	process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-lighthouse-'));
const env = {
	...process.env,
	DATABASE_URL: path.join(dir, 'lighthouse.db'),
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	NODE_ENV: 'production',
	REQUIRE_STAFF_2FA: 'false'
};
const seed = spawnSync('npx', ['tsx', 'scripts/seed-demo.ts'], { env, stdio: 'ignore' });
if (seed.status !== 0) throw new Error('seeding the demo database failed');
const server = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });
process.on('exit', () => server.kill('SIGTERM'));
for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${origin}/healthz`)).ok) break;
	} catch {
		// not up yet
	}
	if (i > 200) throw new Error('server did not start');
	await new Promise((r) => setTimeout(r, 100));
}

const login = await fetch(`${origin}/aanmelden`, {
	method: 'POST',
	headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
	body: new URLSearchParams({
		email: 'leerkracht@demo.signaalwijs.be',
		password: 'Signaalwijs-demo-2026'
	}),
	redirect: 'manual'
});
const cookie = login.headers.get('set-cookie')?.split(';')[0];
if (!cookie) throw new Error('sign-in failed');

const mod = loadCourse('modules').moduleBySlug.get('wat-en-hoe')!;
const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
const quiz = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const pages: [string, string][] = [
	['lesson step', `/leren/${mod.slug}/${lesson.slug}`],
	['quiz step', `/leren/${mod.slug}/${quiz.slug}`],
	['dashboard /leren', '/leren']
];

const flags = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
].join(' ');

let allMet = true;
const lines: string[] = [];
for (const [name, url] of pages) {
	const out = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
	const run = spawnSync(
		'npx',
		[
			// Fetched on first use rather than kept in the lock file: lighthouse pulls in a
			// dependency declared as "latest", which would break `npm ci` whenever it is republished.
			'--yes',
			'lighthouse@12.8.2',
			`${origin}${url}`,
			`--chrome-flags=${flags}`,
			'--only-categories=performance,accessibility',
			'--output=json',
			`--output-path=${out}`,
			`--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
			'--quiet'
		],
		{ env: { ...process.env, CHROME_PATH: chrome }, stdio: ['ignore', 'ignore', 'inherit'] }
	);
	if (run.status !== 0 || !fs.existsSync(out)) {
		lines.push(`| ${name} | failed (exit ${run.status}) | | |`);
		allMet = false;
		continue;
	}
	const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
		finalDisplayedUrl: string;
		categories: Record<string, { score: number | null }>;
	};
	if (!report.finalDisplayedUrl.endsWith(url)) {
		throw new Error(`${name}: Lighthouse landed on ${report.finalDisplayedUrl}, not signed in?`);
	}
	const performance = Math.round((report.categories.performance.score ?? 0) * 100);
	const accessibility = Math.round((report.categories.accessibility.score ?? 0) * 100);
	const met = performance >= 95 && accessibility === 100;
	allMet &&= met;
	lines.push(`| ${name} | ${performance} | ${accessibility} | ${met ? 'met' : 'NOT met'} |`);
}

console.log(
	'\nLighthouse 12.8.2 (Debian Chromium, simulated mobile throttling), signed in as a learner'
);
console.log('| page | performance (≥ 95) | accessibility (100) | |');
console.log('|---|---|---|---|');
for (const line of lines) console.log(line);
console.log(`\ntargets: ${allMet ? 'met' : 'NOT met'}`);
server.kill('SIGTERM');
fs.rmSync(dir, { recursive: true, force: true });
