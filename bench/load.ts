// `npm run test:load`: 200 concurrent signed-in learners, each with their own session, against the
// production build (`node server.js`) on a fresh demo database. Target: zero errors and
// p99 <= 200 ms. Three figures, so nobody mistakes one for another:
//
// 1. Learners (the target): each virtual learner opens a lesson step, reads, opens a quiz step,
//    reads the item, answers it (POST, then the page the 303 leads to), reads the feedback and
//    starts over. Between requests it pauses for a random think time, uniform in
//    LOAD_THINK_MIN..LOAD_THINK_MAX seconds (default 3-10 s, mean 6.5 s). Why that range: a
//    lesson step holds 250-700 words (400-600 for most), 2-4 minutes for a B1-B2 reader; an item
//    takes 20-60 s to read and answer; 3-10 s is ten to thirty times faster than that, so the
//    test asks more of the server than 200 real learners would, while keeping the shape of real
//    use (a page or an answer, then quiet). The learners start at random moments
//    within the first think time, as people do; nobody clicks in lockstep.
// 2. Saturation (no think time): every learner sends the next request as soon as the last one
//    is answered, LOAD_STRESS_DURATION seconds (default 20). This is the most the machine can
//    serve; its p99 is queueing time, not a target.
// 3. Capacity: the same request mix arriving open-loop at fixed rates (random gaps, as from many
//    independent people: 25, 50, 100, 150, 200, 300 ... requests/s up to the saturation figure)
//    for LOAD_STEP_DURATION s each (default 8); reports the highest rate at which p99 stays
//    <= 200 ms with zero errors.
// Usage: npx vite build && npm run test:load
// Env: LOAD_DURATION seconds of the learner run (default 60), LOAD_LEARNERS (default 200),
// LOAD_PORT (default 4610), LOAD_STRESS=0 skips figures 2 and 3.
// `npm run test:load -- --engine postgres`: the same on a throwaway PostgreSQL server
// (bench/demo-server.ts); the learners are then made by a child process on that engine.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadCourse } from '../src/lib/server/content/load';
import { correctAnswer, wrongAnswer } from '../src/lib/server/learning/grading';
import { cpuMicroseconds } from './cpu';
import { demoDatabase, engineLabel, onPostgres, serverEnv } from './demo-server';

const port = Number(process.env.LOAD_PORT ?? 4610);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(process.env.LOAD_DURATION ?? 60);
const learners = Number(process.env.LOAD_LEARNERS ?? 200);
const thinkMin = Number(process.env.LOAD_THINK_MIN ?? 3);
const thinkMax = Number(process.env.LOAD_THINK_MAX ?? 10);
const stressDuration = Number(process.env.LOAD_STRESS_DURATION ?? 20);
const stepDuration = Number(process.env.LOAD_STEP_DURATION ?? 8);
const stress = process.env.LOAD_STRESS !== '0';
const password = 'een lange zin als wachtwoord';

if (!fs.existsSync('build/handler.js')) {
	console.error('Run `npx vite build` first: the load test measures the production build.');
	process.exit(1);
}

// The child that makes the learners on PostgreSQL (see below) gets the database from its env.
const learnerMaker = process.argv.includes('--make-learners');
const dir = learnerMaker ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-load-'));
const databaseUrl = learnerMaker
	? process.env.DATABASE_URL!
	: await demoDatabase(path.join(dir, 'load.db'));
const env = serverEnv(databaseUrl, port);

const course = loadCourse('modules');
const mod = course.moduleBySlug.get('wat-en-hoe')!;
const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
const quiz = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const items = quiz.quiz!.items.filter((i) => i.type === 'single' || i.type === 'multi');

// The learners are made through the domain functions, before the server opens the file. This
// process's engine was chosen from its own DATABASE_URL when db/ was loaded: on PostgreSQL a
// child with the bench database's URL makes them.
if (learnerMaker) {
	await makeLearners();
	process.exit(0);
}
if (onPostgres) {
	const made = spawnSync(
		process.execPath,
		['--import', 'tsx', 'bench/load.ts', '--make-learners', '--engine', 'postgres'],
		{ env: { ...env, LOAD_LEARNERS: String(learners) }, stdio: 'inherit' }
	);
	if (made.status !== 0) throw new Error('making the learners failed');
} else await makeLearners();

async function makeLearners() {
	const { openDatabase, closeDatabase } = await import('../src/lib/server/db');
	const { makeUser } = await import('../src/lib/server/testing/testing');
	const progress = await import('../src/lib/server/learning');
	await openDatabase(databaseUrl, { migrationsDir: path.resolve('drizzle') });
	for (let i = 0; i < learners; i++) {
		const { id } = await makeUser({
			email: `last-${i}@load.signaalwijs.be`,
			name: `Lerende ${i}`,
			password
		});
		await progress.startModule(id, mod.slug);
	}
	await closeDatabase();
}

const server = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });

/** CPU seconds the server process has used (Linux /proc; NaN elsewhere). */
const serverCpu = () => (cpuMicroseconds(server.pid!) ?? NaN) / 1e6;
/** The server's CPU per request: its own cost, whatever else runs on the machine. */
function cpuLine(cpuBefore: number, wallSeconds: number, requests: number): string {
	const cpu = serverCpu() - cpuBefore;
	return (
		`   server CPU: ${cpu.toFixed(1)} s in ${wallSeconds.toFixed(0)} s ` +
		`(${((cpu / wallSeconds) * 100).toFixed(0)} % of one core), ` +
		`${((cpu * 1000) / Math.max(1, requests)).toFixed(2)} ms per request`
	);
}
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

for (let i = 0; ; i++) {
	try {
		if ((await fetch(`${origin}/healthz`)).ok) break;
	} catch {
		// not up yet
	}
	if (i > 200) throw new Error('server did not start');
	await new Promise((r) => setTimeout(r, 100));
}

async function signIn(email: string): Promise<string> {
	const response = await fetch(`${origin}/aanmelden`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password }),
		redirect: 'manual'
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (response.status !== 303 || !cookie) throw new Error(`sign-in failed for ${email}`);
	return cookie;
}

const cookies: string[] = [];
for (let i = 0; i < learners; i++) cookies.push(await signIn(`last-${i}@load.signaalwijs.be`));

const answerBodies = items.flatMap((item, n) => {
	const answer = n % 2 ? correctAnswer(item) : wrongAnswer(item);
	return [
		new URLSearchParams([
			['itemId', item.id],
			...(answer as { selected: string[] }).selected.map((s) => ['choice', s])
		]).toString()
	];
});

const lessonPath = `/leren/${mod.slug}/${lesson.slug}`;
const quizPath = `/leren/${mod.slug}/${quiz.slug}`;
const percentile = (sorted: number[], p: number) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep((thinkMin + Math.random() * (thinkMax - thinkMin)) * 1000);

/** One request as a browser sends it; resolves to its latency in ms and status (0: failed). */
async function timed(path: string, cookie: string, body?: string) {
	const started = performance.now();
	try {
		const response = await fetch(`${origin}${path}`, {
			method: body ? 'POST' : 'GET',
			headers: body
				? {
						cookie,
						accept: 'text/html',
						origin,
						'content-type': 'application/x-www-form-urlencoded'
					}
				: { cookie, accept: 'text/html' },
			body,
			redirect: 'manual'
		});
		await response.arrayBuffer();
		return { ms: performance.now() - started, status: response.status };
	} catch {
		return { ms: performance.now() - started, status: 0 };
	}
}

// 1. Learners with reading time. fetch keeps connections alive (undici), like a browser.
async function readingLearners(): Promise<void> {
	const latencies: number[] = [];
	const statuses = new Map<string, number>();
	let errors = 0;
	const until = performance.now() + duration * 1000;
	const request = async (path: string, cookie: string, body?: string) => {
		if (performance.now() >= until) return false;
		const { ms, status } = await timed(path, cookie, body);
		if (status === 0 || status >= 400) errors++;
		if (status !== 0) {
			latencies.push(ms);
			statuses.set(String(status), (statuses.get(String(status)) ?? 0) + 1);
		}
		return true;
	};
	const learner = async (cookie: string, n: number) => {
		await sleep(Math.random() * thinkMax * 1000);
		for (let round = n; ; round++) {
			if (!(await request(lessonPath, cookie))) return;
			await think();
			if (!(await request(quizPath, cookie))) return;
			await think();
			if (
				!(await request(`${quizPath}?/answer`, cookie, answerBodies[round % answerBodies.length]))
			)
				return;
			// The browser follows the 303 to the quiz step with the feedback.
			if (!(await request(quizPath, cookie))) return;
			await think();
		}
	};
	const started = performance.now();
	const cpuBefore = serverCpu();
	await Promise.all(cookies.map((cookie, n) => learner(cookie, n)));
	const seconds = (performance.now() - started) / 1000;
	latencies.sort((a, b) => a - b);
	const p99 = percentile(latencies, 99);
	console.log(
		`\n1. ${learners} learners reading and answering, think time ${thinkMin}-${thinkMax} s, ${duration} s`
	);
	console.log(
		`   requests:  ${latencies.length + errors} (${((latencies.length + errors) / seconds).toFixed(0)}/s)`
	);
	console.log(
		`   latency:   p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, ` +
			`p99 ${p99.toFixed(1)} ms, max ${(latencies.at(-1) ?? NaN).toFixed(1)} ms`
	);
	console.log(
		`   statuses:  ${[...statuses].map(([code, count]) => `${code}: ${count}`).join(', ')}; errors ${errors}`
	);
	console.log(cpuLine(cpuBefore, seconds, latencies.length + errors));
	console.log(
		`   target (0 errors, p99 <= 200 ms): ${errors === 0 && p99 <= 200 ? 'met' : 'NOT met'}`
	);
	learnerResult = { errors, p99 };
}
let learnerResult = { errors: 0, p99: 0 };

interface Client {
	cookie?: string;
	n?: number;
}
let nextCookie = 0;
const cookieFor = (context: Client) => (context.cookie ??= cookies[nextCookie++ % cookies.length]);

/** The same mix without reading time: a lesson step, a quiz step, an answer, over and over. */
function mix(seconds: number) {
	return autocannon({
		url: origin,
		connections: learners,
		duration: seconds,
		requests: [
			{
				method: 'GET',
				setupRequest: (req, context: Client) => ({
					...req,
					path: `/leren/${mod.slug}/${lesson.slug}`,
					headers: { cookie: cookieFor(context), accept: 'text/html' }
				})
			},
			{
				method: 'GET',
				setupRequest: (req, context: Client) => ({
					...req,
					path: `/leren/${mod.slug}/${quiz.slug}`,
					headers: { cookie: cookieFor(context), accept: 'text/html' }
				})
			},
			{
				method: 'POST',
				setupRequest: (req, context: Client) => {
					context.n = (context.n ?? 0) + 1;
					return {
						...req,
						path: `/leren/${mod.slug}/${quiz.slug}?/answer`,
						headers: {
							cookie: cookieFor(context),
							accept: 'text/html',
							origin,
							'content-type': 'application/x-www-form-urlencoded'
						},
						body: answerBodies[context.n % answerBodies.length]
					};
				}
			}
		]
	});
}

/**
 * Requests arrive at `rate` per second with random (exponential) gaps, whether or not earlier ones
 * are answered: how many people clicking independently look to a server. Each arrival is the
 * next request of the learner mix for one of the signed-in learners.
 */
async function openLoop(rate: number, seconds: number) {
	const latencies: number[] = [];
	let errors = 0;
	const pending: Promise<void>[] = [];
	const started = performance.now();
	let next = started;
	for (let n = 0; next < started + seconds * 1000; n++) {
		const wait = next - performance.now();
		if (wait > 1) await sleep(wait);
		// Learner k sends requests 4k..4k+3: a lesson step, a quiz step, an answer, the quiz again.
		const cookie = cookies[Math.floor(n / 4) % cookies.length];
		const kind = n % 4;
		const send =
			kind === 0
				? timed(lessonPath, cookie)
				: kind === 2
					? timed(`${quizPath}?/answer`, cookie, answerBodies[n % answerBodies.length])
					: timed(quizPath, cookie);
		pending.push(
			send.then(({ ms, status }) => {
				if (status === 0 || status >= 400) errors++;
				else latencies.push(ms);
			})
		);
		next += (-Math.log(1 - Math.random()) / rate) * 1000;
	}
	await Promise.all(pending);
	latencies.sort((a, b) => a - b);
	return {
		rps: (latencies.length + errors) / ((performance.now() - started) / 1000),
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors
	};
}

function summary(result: autocannon.Result) {
	const stats =
		(result as unknown as { statusCodeStats?: Record<string, { count: number }> })
			.statusCodeStats ?? {};
	const bad = Object.entries(stats)
		.filter(([code]) => Number(code) >= 400)
		.reduce((sum, [, s]) => sum + s.count, 0);
	return {
		rps: Math.round(result.requests.average),
		errors: result.errors + result.timeouts + bad,
		text:
			`${Math.round(result.requests.average)} requests/s, p50 ${result.latency.p50} ms, ` +
			`p97.5 ${result.latency.p97_5} ms, p99 ${result.latency.p99} ms, ` +
			`${result.errors + result.timeouts + bad} errors (timeouts ${result.timeouts}, 4xx/5xx ${bad})`
	};
}

console.log(
	`\nSignaalwijs load test on ${engineLabel}: ${learners} signed-in learners, ${os.cpus().length} cores ` +
		`(other work on the machine lowers the figures), production build`
);
await readingLearners();
if (stress) {
	const cpuBefore = serverCpu();
	const saturatedResult = await mix(stressDuration);
	const saturated = summary(saturatedResult);
	console.log(`\n2. saturation, no think time, ${learners} connections, ${stressDuration} s`);
	console.log(`   ${saturated.text}`);
	console.log(cpuLine(cpuBefore, stressDuration, saturatedResult.requests.total));
	console.log(
		`\n3. capacity: fixed rates, ${stepDuration} s each, until p99 > 200 ms, an error or less than 90 % served`
	);
	// Let the server finish what the saturation run left queued before measuring at a fixed rate.
	await sleep(5000);
	let capacity = 0;
	const rates = [25, 50, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1250, 1500, 2000];
	for (const rate of rates.filter((r) => r <= saturated.rps * 1.2)) {
		const figure = await openLoop(rate, stepDuration);
		await sleep(1000);
		console.log(
			`   ${String(rate).padStart(5)}/s offered: ${figure.rps.toFixed(0)} requests/s, ` +
				`p50 ${figure.p50.toFixed(1)} ms, p95 ${figure.p95.toFixed(1)} ms, ` +
				`p99 ${figure.p99.toFixed(1)} ms, ${figure.errors} errors`
		);
		// Served well below the offered rate means requests queue up: that rate is past capacity.
		if (figure.p99 > 200 || figure.errors > 0 || figure.rps < rate * 0.9) break;
		capacity = rate;
	}
	console.log(
		`   capacity with p99 <= 200 ms: ${capacity ? `${capacity} requests/s` : 'below 25 requests/s'}` +
			` (the learners of figure 1 send 4 requests per 3 think times: about ` +
			`${Math.round((capacity * 3 * ((thinkMin + thinkMax) / 2)) / 4)} such learners)`
	);
}
console.log(`\nload average at the end: ${os.loadavg()[0].toFixed(1)}`);
stop();
fs.rmSync(dir, { recursive: true, force: true });
process.exitCode = learnerResult.errors === 0 && learnerResult.p99 <= 200 ? 0 : 1;
