// `npm run bench:manager`: how fast the manager reports are on the synthetic platform of
// `npm run bench:seed` (BENCH_DB, default ./data/bench.db). Prints the median server time of the
// dashboard, the 5,000-learner table page and the CSV export (domain functions in this process,
// then HTTP against the production build in build/), and the p99 of a cheap page (/healthz)
// while the reports run concurrently. Figures, not a test.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from 'autocannon';
import { closeDatabase, openDatabase } from '$lib/server/db';
import { loadShippedCourse } from '$lib/server/content/course';
import * as reports from '$lib/server/manager';

const file = process.env.BENCH_DB ?? './data/bench.db';
const runs = Number(process.env.BENCH_RUNS ?? 20);
const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4473);
const origin = `http://127.0.0.1:${port}`;
const managerEmail = 'beheer@bench.invalid';
const managerPassword = 'een lange zin voor de benchmark';

if (!fs.existsSync(file)) {
	console.error(`${file} does not exist: run npm run bench:seed first.`);
	process.exit(1);
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function time(fn: () => unknown): Promise<number> {
	const start = process.hrtime.bigint();
	await fn();
	return Number(process.hrtime.bigint() - start) / 1e6;
}

// 1. Domain functions, in this process.
loadShippedCourse();
const db = await openDatabase(file);
const big = db.$client
	.prepare(
		`select organisation_id as id, count(*) as n from membership where role = 'learner'
		group by organisation_id order by n desc limit 1`
	)
	.get() as { id: number; n: number };
console.log(
	`Database ${file}; largest organisation ${big.id} with ${big.n} learners; ${runs} runs each.\n`
);
const cases: [string, () => unknown][] = [
	['dashboard (getDashboard)', async () => await reports.getDashboard(big.id)],
	[
		'learners page 1, by name',
		async () => await reports.listLearners(big.id, reports.defaultQuery)
	],
	[
		'learners page 40, by last activity',
		async () =>
			await reports.listLearners(big.id, {
				...reports.defaultQuery,
				sort: 'activity',
				dir: 'desc',
				page: 40
			})
	],
	[
		'learners filtered on status + search',
		async () =>
			await reports.listLearners(big.id, {
				...reports.defaultQuery,
				module: 'signalen-op-school',
				status: 'certified',
				q: 'an'
			})
	],
	['CSV export, all learners', () => reports.exportLearnersCsv(big.id, reports.defaultQuery)],
	['team signal map', async () => await reports.getTeamSignalMap(big.id)]
];
console.log('Domain functions (median):');
for (const [name, fn] of cases) {
	await fn();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) times.push(await time(fn));
	console.log(`  ${name.padEnd(40)} ${ms(median(times))}  (max ${ms(Math.max(...times))})`);
}
await closeDatabase();

// 2. HTTP against the production build.
if (!fs.existsSync('build/index.js')) {
	console.log('\nNo build/: run npx vite build for the HTTP figures.');
	process.exit(0);
}
const server = spawn(process.execPath, ['server.js'], {
	env: {
		...process.env,
		DATABASE_URL: file,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		REQUIRE_STAFF_2FA: 'false',
		NODE_ENV: 'production'
	},
	stdio: ['ignore', 'ignore', 'inherit']
});
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${origin}/healthz`)).ok) break;
	} catch {
		if (i > 200) throw new Error('server did not start');
	}
	await new Promise((r) => setTimeout(r, 100));
}

const login = await fetch(`${origin}/aanmelden`, {
	method: 'POST',
	redirect: 'manual',
	headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams({ email: managerEmail, password: managerPassword })
});
const cookie = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
if (!cookie) throw new Error(`sign-in failed (${login.status})`);

async function timed(path: string): Promise<number> {
	const start = performance.now();
	const response = await fetch(`${origin}${path}`, { headers: { cookie } });
	const body = await response.arrayBuffer();
	if (!response.ok || body.byteLength < 100) throw new Error(`${path}: ${response.status}`);
	return performance.now() - start;
}

const pages: [string, string][] = [
	['GET /beheer (dashboard)', '/beheer'],
	['GET /beheer/deelnemers (5,000 learners)', '/beheer/deelnemers'],
	[
		'GET /beheer/deelnemers?sort=activity&page=40',
		'/beheer/deelnemers?sort=activity&dir=desc&page=40'
	],
	['GET /beheer/export.csv (all rows)', '/beheer/export.csv']
];
console.log('\nHTTP, production build, one request at a time (median round trip):');
for (const [name, path] of pages) {
	await timed(path);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) times.push(await timed(path));
	console.log(`  ${name.padEnd(46)} ${ms(median(times))}`);
}

// 3. A cheap page's p99 while reports run back to back.
let reportsRun = 0;
let running = true;
const reportLoop = (async () => {
	while (running) {
		for (const [, path] of pages) {
			if (!running) break;
			await timed(path);
			reportsRun += 1;
		}
	}
})();
const result = await autocannon({
	url: `${origin}/healthz`,
	connections: 10,
	duration: Number(process.env.BENCH_SECONDS ?? 10)
});
running = false;
await reportLoop;
console.log(
	`\n/healthz while ${reportsRun} reports ran: ${result.requests.average.toFixed(0)} req/s, ` +
		`p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms (10 connections, ${result.duration} s)`
);
stop();
process.exit(0);
