// `npm run bench`: every figure of the platform in one table, each with its target and its ratio
// to a bare SvelteKit page (/toegankelijkheid) of the same build measured in the same run.
// Throughput rows compare requests/s (a page row with the bare page measured just before and just
// after it), time rows compare the median round trip, size rows compare the bare page's
// JavaScript. Figures, not a test: it always exits 0.
// A framework floor (bench/floor.ts: the bare page's text in a SvelteKit app with no hooks, load
// or layout) is built and served in the same run, so the bare page has a target of its own; the
// same floor behind server.js's request slices is printed beside it, without a target.
// Usage: npm run bench   (it makes sure Chromium is there, builds when the sources are newer than
// build/, and creates the manager-report database BENCH_DB, default ./data/bench.db, with
// bench/seed.ts when it is missing; BENCH_DURATION s per throughput row, default 5; BENCH_PORT,
// default 4620, with the next four ports for the manager server, the floor, on PostgreSQL the
// second server, and the floor behind request slices). `npm run bench -- --engine postgres`
// measures the same on a throwaway PostgreSQL server (bench/demo-server.ts), plus answer POST
// with two servers on one database.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadCourse } from '../src/lib/server/content/load';
import { correctAnswer } from '../src/lib/server/learning/grading';
import { renderCertificatePdf } from '../src/lib/server/certificates/pdf';
import { cpuCap, cpuMeter, postgresProcesses } from './cpu';
import { javascriptMeter } from './javascript';
import { floorSlicedEntry, prepareFloor } from './floor';
import { ensureBenchDb, ensureBuild, ensureChromium } from './prepare';
import {
	benchDatabase,
	benchDatabaseFrom,
	benchPostgres,
	demoDatabase,
	engineLabel,
	extraLearnerEmail,
	onPostgres,
	serverEnv,
	signIn,
	untilOk
} from './demo-server';

const port = Number(process.env.BENCH_PORT ?? 4620);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_DURATION ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const benchDb = process.env.BENCH_DB ?? './data/bench.db';

ensureChromium();
ensureBuild();
ensureBenchDb(benchDb);
const floorEntry = prepareFloor();
const loadAtStart = os.loadavg()[0];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-bench-all-'));
// The demo data plus the learners of the many-learner answer row.
const spreadLearners = 25;
const demoDb = await demoDatabase(path.join(dir, 'bench.db'), spreadLearners);

const servers: ChildProcess[] = [];
process.on('exit', () => servers.forEach((s) => s.kill('SIGTERM')));

/** Starts server.js (or another entry) and returns the time until `probe` first answers 200. */
async function start(
	database: string,
	p: number,
	entry = 'server.js',
	probe = '/healthz'
): Promise<number> {
	const started = performance.now();
	servers.push(spawn(process.execPath, [entry], { env: serverEnv(database, p), stdio: 'ignore' }));
	await untilOk(`http://127.0.0.1:${p}${probe}`);
	return performance.now() - started;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function roundTrip(url: string, cookie: string): Promise<number> {
	const once = async () => {
		const started = performance.now();
		const response = await fetch(url, { headers: { cookie, accept: 'text/html' } });
		await response.arrayBuffer();
		if (!response.ok) throw new Error(`${url}: ${response.status}`);
		return performance.now() - started;
	};
	await once();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) times.push(await once());
	return median(times);
}

async function throughput(options: autocannon.Options) {
	const result = await autocannon({ connections, duration, ...options });
	const stats =
		(result as unknown as { statusCodeStats?: Record<string, { count: number }> })
			.statusCodeStats ?? {};
	const bad = Object.entries(stats)
		.filter(([code]) => Number(code) >= 400)
		.reduce((sum, [, s]) => sum + s.count, 0);
	return {
		rps: Math.round(result.requests.average),
		requests: result.requests.total,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + bad
	};
}

/**
 * `throughput` with the connections spread evenly over `cookies` (one signed-in learner each),
 * all measured at once: requests/s summed, the worst p99, errors summed.
 */
async function throughputOver(cookies: string[], options: autocannon.Options) {
	const results = await Promise.all(
		cookies.map((cookie, i) =>
			throughput({
				...options,
				headers: { ...options.headers, cookie },
				connections:
					Math.floor(connections / cookies.length) + (i < connections % cookies.length ? 1 : 0)
			})
		)
	);
	return {
		rps: results.reduce((sum, r) => sum + r.rps, 0),
		p99: Math.max(...results.map((r) => r.p99)),
		errors: results.reduce((sum, r) => sum + r.errors, 0)
	};
}

interface Row {
	figure: string;
	value: string;
	target: string;
	ratio: string;
	met: string;
}
const rows: Row[] = [];
const verdict = (ok: boolean | null) => (ok === null ? '–' : ok ? 'met' : 'NOT met');

// Cold start: migrations checked, all shipped modules loaded and validated, first answer.
const coldStart = await start(demoDb, port);
const mainServer = servers.at(-1)!;
const cookie = await signIn(origin, 'leerkracht@demo.signaalwijs.be');

const course = loadCourse('modules');
const mod = course.moduleBySlug.get('wat-en-hoe')!;
const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
const quiz = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const item = quiz.quiz!.items.find((i) => i.type === 'single' || i.type === 'multi')!;
const answer = correctAnswer(item) as { selected: string[] };
const lessonUrl = `${origin}/leren/${mod.slug}/${lesson.slug}`;
const quizUrl = `${origin}/leren/${mod.slug}/${quiz.slug}`;
const bareUrl = `${origin}/toegankelijkheid`;
const lerenUrl = `${origin}/leren`;
const headers = { cookie, accept: 'text/html' };
const floorPort = port + 2;
const floorUrl = `http://127.0.0.1:${floorPort}/`;
await start(path.join(dir, 'floor-unused.db'), floorPort, floorEntry, '/');
const slicedFloorUrl = `http://127.0.0.1:${port + 4}/`;
await start(path.join(dir, 'floor-unused.db'), port + 4, floorSlicedEntry, '/');

// Warm the JIT on every page first: otherwise the first row measured (the baseline) pays for it.
for (const url of [floorUrl, slicedFloorUrl, bareUrl, lessonUrl, quizUrl, lerenUrl]) {
	await autocannon({ url, headers, connections: 10, duration: 2 });
}
// The floor and the bare page in two rounds, floor-bare-bare-floor, averaged: other work on the
// machine that starts or stops during the row then weighs on both alike.
const bareMs = await roundTrip(bareUrl, cookie);
const floorRounds = [await throughput({ url: floorUrl, headers })];
const bareRounds = [await throughput({ url: bareUrl, headers })];
bareRounds.push(await throughput({ url: bareUrl, headers }));
floorRounds.push(await throughput({ url: floorUrl, headers }));
const average = (rounds: Awaited<ReturnType<typeof throughput>>[]) => ({
	rps: Math.round((rounds[0].rps + rounds[1].rps) / 2),
	p99: Math.max(rounds[0].p99, rounds[1].p99),
	errors: rounds[0].errors + rounds[1].errors
});
const floor = average(floorRounds);
const bare = average(bareRounds);
const bareToFloor = bare.rps / floor.rps;
rows.push({
	figure: 'framework floor (SvelteKit, no hooks, load or layout)',
	value: `${floor.rps}/s (${floorRounds.map((r) => r.rps).join(' and ')}), p99 ${floor.p99} ms, ${floor.errors} errors`,
	target: 'reference for the bare page',
	ratio: (floor.rps / bare.rps).toFixed(2),
	met: verdict(floor.errors === 0)
});
// The same floor served the way server.js serves (request-slices.js): no target, it shows how
// much of the bare page's ratio is the server in front rather than the page.
const slicedFloor = await throughput({ url: slicedFloorUrl, headers });
rows.push({
	figure: 'framework floor behind request slices, as server.js serves',
	value: `${slicedFloor.rps}/s, p99 ${slicedFloor.p99} ms, ${slicedFloor.errors} errors`,
	target: 'like-for-like reference, no target',
	ratio: `${(slicedFloor.rps / bare.rps).toFixed(2)} (bare page: ${(bare.rps / slicedFloor.rps).toFixed(2)} of it)`,
	met: '–'
});
rows.push({
	figure: 'bare page /toegankelijkheid',
	value: `${bare.rps}/s (${bareRounds.map((r) => r.rps).join(' and ')}), p99 ${bare.p99} ms, median ${bareMs.toFixed(1)} ms`,
	target: '≥ 0.60 of the framework floor (baseline of this column)',
	ratio: `1.00 (${bareToFloor.toFixed(2)} of the floor)`,
	met: verdict(bareToFloor >= 0.6 && bare.errors === 0)
});
// Each page row is measured between two rounds of the bare page and compared with their average,
// as the bare page is with the floor: on a shared machine the speed drifts by a fifth and more
// within a minute, and a ratio to the bare page measured a minute earlier followed that drift.
let bareBefore = await throughput({ url: bareUrl, headers });
for (const [name, url, target, share, p99] of [
	['lesson step SSR', lessonUrl, '≥ 0.75 of the bare page, p99 ≤ 60 ms', 0.75, 60],
	['quiz step SSR', quizUrl, 'no target set', null, null],
	['learner dashboard /leren SSR', lerenUrl, '≥ 0.50 of the bare page', 0.5, null]
] as const) {
	const figure = await throughput({ url, headers });
	const bareAfter = await throughput({ url: bareUrl, headers });
	const reference = (bareBefore.rps + bareAfter.rps) / 2;
	const ratio = figure.rps / reference;
	rows.push({
		figure: name,
		value: `${figure.rps}/s, p99 ${figure.p99} ms, ${figure.errors} errors (bare page around it: ${bareBefore.rps}/s and ${bareAfter.rps}/s)`,
		target,
		ratio: ratio.toFixed(2),
		met:
			share === null
				? '–'
				: verdict(ratio >= share && figure.errors === 0 && (p99 === null || figure.p99 <= p99))
	});
	bareBefore = bareAfter;
}
const answerBody = new URLSearchParams([
	['itemId', item.id],
	...answer.selected.map((s) => ['choice', s])
]).toString();
const postOptions = {
	url: `${quizUrl}?/answer`,
	method: 'POST' as const,
	headers: { ...headers, origin, 'content-type': 'application/x-www-form-urlencoded' },
	body: answerBody
};
// Warm the answer path first too, as the pages above: the JIT, and on PostgreSQL the statements
// each pooled connection prepares on its first batch.
await autocannon({ ...postOptions, connections: 10, duration: 2 });
// On PostgreSQL, where each answer's CPU went (the server, PostgreSQL's processes, the load
// client in this process): the two-server rows below print what the machine's cores allow.
const postgresData = onPostgres ? path.join((await benchPostgres()).dir, 'data') : '';
const cpuGroups = (serverPids: () => number[]) => ({
	server: serverPids,
	postgres: () => postgresProcesses(postgresData),
	client: () => [process.pid]
});
const postMeter = onPostgres ? cpuMeter(cpuGroups(() => [mainServer.pid!])) : null;
const post = await throughput(postOptions);
const postCpu = postMeter?.stop(post.requests);
rows.push({
	figure: `answer POST (${onPostgres ? 'synchronous_commit=on' : 'synchronous=FULL'})`,
	value: `${post.rps}/s, p99 ${post.p99} ms, ${post.errors} errors`,
	target: '≥ 1,500/s, 0 errors, p99 ≤ 100 ms',
	ratio: (post.rps / bare.rps).toFixed(2),
	met: verdict(post.rps >= 1500 && post.errors === 0 && post.p99 <= 100)
});

// The same 50 connections spread over 25 learners, two each, as a school's answers come: one
// learner's answers take turns on his enrolment (one counted first answer), different learners'
// do not (on PostgreSQL they share the group commit's round trips, db/write-queue.ts). No target
// of its own: the row above carries the target, this one shows what many learners change.
const spreadCookies: string[] = [];
for (let n = 1; n <= spreadLearners; n++)
	spreadCookies.push(await signIn(origin, extraLearnerEmail(n)));
const manyLearners = await throughputOver(spreadCookies, {
	url: `${quizUrl}?/answer`,
	method: 'POST',
	headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
	body: answerBody
});
rows.push({
	figure: `answer POST, ${spreadLearners} learners (two connections each)`,
	value: `${manyLearners.rps}/s, p99 ${manyLearners.p99} ms, ${manyLearners.errors} errors`,
	target: 'no target of its own (one learner: row above)',
	ratio: (manyLearners.rps / bare.rps).toFixed(2),
	met: '–'
});

// Two servers on one PostgreSQL database behind a round-robin balancer's split: half of the
// connections to each port at the same time. The capacity row has a learner on each server, as
// many learners spread over servers do; one learner answering on both at once is its own row:
// that learner's writes take turns on his enrolment's row lock by design (one counted first
// answer across servers), so it shows the cost of that rule, not how the platform scales.
if (onPostgres) {
	const secondPort = port + 3;
	const secondOrigin = `http://127.0.0.1:${secondPort}`;
	await start(demoDb, secondPort);
	const secondServer = servers.at(-1)!;
	const quizPath = `/leren/${mod.slug}/${quiz.slug}`;
	const secondCookie = await signIn(secondOrigin, 'hulpverlener@demo.signaalwijs.be');
	/** The answer POST of learner `c` to the server at `o`. */
	const answerTo = (o: string, c: string) => ({
		url: `${o}${quizPath}?/answer`,
		method: 'POST' as const,
		headers: { cookie: c, origin: o, 'content-type': 'application/x-www-form-urlencoded' },
		body: answerBody
	});
	// Warm the second server's answer path as the first one's was above (the JIT, and the
	// statements each pooled connection prepares on its first batch), for both learners: warming
	// it with page requests only, the row measured a cold server beside a warm one.
	for (const c of [cookie, secondCookie]) {
		await autocannon({ ...answerTo(secondOrigin, c), connections: 10, duration: 2 });
	}
	const postTo = (o: string, c: string) =>
		throughput({ ...answerTo(o, c), connections: Math.ceil(connections / 2) });
	const twoServers = async (secondLearner: string) => {
		const meter = cpuMeter(cpuGroups(() => [mainServer.pid!, secondServer.pid!]));
		const [one, two] = await Promise.all([
			postTo(origin, cookie),
			postTo(secondOrigin, secondLearner)
		]);
		return {
			cpu: meter?.stop(one.requests + two.requests),
			both: one.rps + two.rps,
			value: `${one.rps + two.rps}/s (${one.rps} + ${two.rps}), p99 ${Math.max(one.p99, two.p99)} ms, ${one.errors + two.errors} errors`,
			errors: one.errors + two.errors
		};
	};
	const spread = await twoServers(secondCookie);
	const shared = await twoServers(cookie);
	rows.push({
		figure: 'answer POST, two servers (a learner on each)',
		value: spread.value,
		target: '≥ 1.5 × one server, 0 errors',
		ratio: (spread.both / bare.rps).toFixed(2),
		met: verdict(post.rps > 0 && spread.both >= 1.5 * post.rps && spread.errors === 0)
	});
	rows.push({
		figure: 'answer POST, two servers ÷ one server',
		value: post.rps
			? `${(spread.both / post.rps).toFixed(2)} × (${spread.both}/s against ${post.rps}/s)`
			: `– (one server answered no POST within ${duration} s)`,
		target: '≥ 1.5',
		ratio: '–',
		met: verdict(post.rps > 0 && spread.both / post.rps >= 1.5)
	});
	// What this machine's cores allow: every process of the row shares them, so two servers answer
	// at most cores ÷ (all CPU per answer) a second. The one-server row is bounded by its one event
	// loop instead (its server's CPU per answer), which is why the ratio has a ceiling here that
	// servers on machines of their own do not have.
	if (postCpu && spread.cpu && post.rps) {
		const cores = os.cpus().length;
		const ceiling = (cores * 1e6) / spread.cpu.total;
		const split = (c: typeof postCpu) =>
			`server ${c.perRequest.server.toFixed(0)}, PostgreSQL ${c.perRequest.postgres.toFixed(0)}, client ${c.perRequest.client.toFixed(0)} µs; cores ${(c.busy * 100).toFixed(0)} % busy`;
		rows.push({
			figure: 'answer POST, CPU per answer and what the cores allow two servers',
			value: `one server: ${split(postCpu)}; two servers: ${split(spread.cpu)}; ${cores} cores ÷ ${spread.cpu.total.toFixed(0)} µs = at most ${Math.round(ceiling)}/s, ${(ceiling / post.rps).toFixed(2)} × one server`,
			target: 'no target (the ceiling of the row above on this machine)',
			ratio: '–',
			met: '–'
		});
	}
	// Two servers on machines of their own: each server bounded by its own CPU. Here each is held
	// to a fraction of one core (a cgroup quota), small enough that both, PostgreSQL and the load
	// client fit in the cores left, and measured against one server held the same way.
	const capFraction = 0.4;
	const caps = [
		cpuCap('signaalwijs-bench-a', capFraction),
		cpuCap('signaalwijs-bench-b', capFraction)
	];
	let capped = `– (no writable cgroup CPU controller for this process)`;
	if (caps[0] && caps[1] && caps[0].add(mainServer.pid!) && caps[1].add(secondServer.pid!)) {
		await autocannon({ ...answerTo(origin, cookie), connections: 10, duration: 2 });
		const one = await throughput(answerTo(origin, cookie));
		const two = await twoServers(secondCookie);
		capped = `${one.rps ? (two.both / one.rps).toFixed(2) : '–'} × (${two.value} against ${one.rps}/s, p99 ${one.p99} ms, ${one.errors} errors)`;
	}
	caps.forEach((cap) => cap?.close());
	rows.push({
		figure: `answer POST, two servers ÷ one server, each held to ${capFraction} of a core (as on machines of their own)`,
		value: capped,
		target: 'no target (shows what a second server adds where the server is what runs out)',
		ratio: '–',
		met: '–'
	});
	rows.push({
		figure: 'answer POST, two servers, one learner on both (writes take turns)',
		value: `${shared.value}; ${post.rps ? (shared.both / post.rps).toFixed(2) : '–'} × one server`,
		target: '0 errors (no capacity target: one learner)',
		ratio: (shared.both / bare.rps).toFixed(2),
		met: verdict(shared.errors === 0)
	});
}

// Manager reports at the synthetic scale of npm run bench:seed (made above when missing).
{
	const managerPort = port + 1;
	const managerOrigin = `http://127.0.0.1:${managerPort}`;
	await start(await benchDatabaseFrom(benchDb), managerPort);
	const managerCookie = await signIn(
		managerOrigin,
		'beheer@bench.invalid',
		'een lange zin voor de benchmark'
	);
	for (const [name, url, target, limit] of [
		['manager dashboard (5,000 learners)', '/beheer', '≤ 50 ms median', 50],
		['manager CSV export (5,000 rows)', '/beheer/export.csv', '≤ 200 ms median', 200]
	] as const) {
		const ms = await roundTrip(`${managerOrigin}${url}`, managerCookie);
		rows.push({
			figure: name,
			value: `${ms.toFixed(1)} ms median`,
			target,
			ratio: (ms / bareMs).toFixed(1),
			met: verdict(ms <= limit)
		});
	}
}

// Item statistics: bench/item-stats.ts builds its own 200,000-response database and times it; on
// PostgreSQL it copies that database into a new one on this run's server and times it there.
{
	const engineArgs = onPostgres
		? ['--engine', 'postgres', '--to', await benchDatabase(path.join(dir, 'stats.db'))]
		: [];
	const run = spawnSync('npx', ['tsx', 'bench/item-stats.ts', ...engineArgs], { encoding: 'utf8' });
	const best = Number(run.stdout.match(/best (\d+(?:\.\d+)?) ms/)?.[1] ?? NaN);
	rows.push({
		figure: 'item statistics (100,000 responses)',
		value: Number.isFinite(best) ? `${best} ms (best of 3)` : 'failed: see npm run bench:stats',
		target: '≤ 300 ms',
		ratio: Number.isFinite(best) ? (best / bareMs).toFixed(1) : '–',
		met: verdict(Number.isFinite(best) ? best <= 300 : null)
	});
}

// Certificate PDF, in this process like bench:pdf.
{
	const input = {
		learnerName: 'Zoë Ïnès Vandenbroucke-Dubois',
		moduleTitle: 'Signalen herkennen in de hulpverlening',
		issuedAt: new Date('2026-05-03T10:00:00Z'),
		expiresAt: new Date('2028-05-03T10:00:00Z'),
		code: 'ABCD-EFGH-IJKM-NPQR-STUV-WXYZ-2345',
		verifyUrl: 'https://signaalwijs.be/verifieer/abcdefghijkmnpqrstuvwxyz2345',
		organisation: 'Jeugdhulp Horizon (demo)'
	};
	for (let i = 0; i < 10; i++) await renderCertificatePdf(input);
	const times: number[] = [];
	for (let i = 0; i < runs * 2; i++) {
		const started = performance.now();
		await renderCertificatePdf(input);
		times.push(performance.now() - started);
	}
	const ms = median(times);
	rows.push({
		figure: 'certificate PDF',
		value: `${ms.toFixed(1)} ms median`,
		target: '≤ 50 ms median',
		ratio: (ms / bareMs).toFixed(1),
		met: verdict(ms <= 50)
	});
}

rows.push({
	figure: 'cold start to first response',
	value: `${coldStart.toFixed(0)} ms`,
	target: 'no target set (≤ 2,000 ms assumed)',
	ratio: (coldStart / bareMs).toFixed(0),
	met: verdict(coldStart <= 2000)
});

// JavaScript: what Chromium downloads for each page (bench/javascript.ts), gzip level 9.
const meter = await javascriptMeter();
const bareJs = await meter.measure(bareUrl, cookie);
const scripts: string[] = [];
for (const [name, url, limit] of [
	['JavaScript, lesson step (gzip)', lessonUrl, 36],
	['JavaScript, quiz step (gzip)', quizUrl, 40],
	['JavaScript, /leren (gzip)', `${origin}/leren`, null]
] as const) {
	const js = await meter.measure(url, cookie);
	rows.push({
		figure: name,
		value: `${(js.bytes / 1024).toFixed(1)} KB in ${js.files.length} files (${js.late.length} late)`,
		target: limit ? `≤ ${limit} KB` : 'no target set',
		ratio: (js.bytes / bareJs.bytes).toFixed(2),
		met: verdict(limit ? js.bytes / 1024 <= limit : null)
	});
	scripts.push(
		`${name}: ${js.files.map((f) => `${path.basename(f.path)} ${(f.gzip / 1024).toFixed(1)}`).join(', ')}`
	);
}
await meter.close();
rows.push({
	figure: 'JavaScript, bare page (gzip)',
	value: `${(bareJs.bytes / 1024).toFixed(1)} KB in ${bareJs.files.length} files`,
	target: 'baseline',
	ratio: '1.00',
	met: '–'
});

console.log(
	`\nSignaalwijs benchmarks on ${engineLabel}: ${os.cpus().length} cores, load average ${loadAtStart.toFixed(1)} at ` +
		`the start and ${os.loadavg()[0].toFixed(1)} at the end (other work on the machine lowers ` +
		`the figures); ${connections} connections, ` +
		`${duration} s per throughput row, ${runs} runs per median`
);
console.log('| figure | measured | target | ratio to bare page | |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
	console.log(`| ${r.figure} | ${r.value} | ${r.target} | ${r.ratio} | ${r.met} |`);
}
console.log('\nScripts per page (KB gzip, largest first):');
for (const line of scripts) console.log(`- ${line}`);
servers.forEach((s) => s.kill('SIGTERM'));
fs.rmSync(dir, { recursive: true, force: true });
