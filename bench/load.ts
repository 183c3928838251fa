// `npm run test:load`: 200 concurrent signed-in learners, each with their own session, reading
// lesson and quiz steps and answering quiz items against the production build (`node server.js`)
// on a fresh demo database. Target: zero errors and p99 <= 200 ms.
// Usage: npx vite build && npm run test:load
// Env: LOAD_DURATION seconds (default 60), LOAD_LEARNERS (default 200), LOAD_PORT (default 4610),
// LOAD_RATE: requests/s for all learners together. Without it every learner sends the next
// request as soon as the last is answered (no reading time): the harshest case, it measures
// saturation. LOAD_RATE=200 is each learner clicking once a second, still far above real use.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadCourse } from '../src/lib/server/content/load';
import { correctAnswer, wrongAnswer } from '../src/lib/server/grading';

const port = Number(process.env.LOAD_PORT ?? 4610);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(process.env.LOAD_DURATION ?? 60);
const learners = Number(process.env.LOAD_LEARNERS ?? 200);
const rate = process.env.LOAD_RATE ? Number(process.env.LOAD_RATE) : undefined;
const password = 'een lange zin als wachtwoord';

if (!fs.existsSync('build/handler.js')) {
	console.error('Run `npx vite build` first: the load test measures the production build.');
	process.exit(1);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-load-'));
const databaseUrl = path.join(dir, 'load.db');
const env = {
	...process.env,
	DATABASE_URL: databaseUrl,
	PORT: String(port),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	NODE_ENV: 'production',
	REQUIRE_STAFF_2FA: 'false'
};
// The server's access log is one line per request: keep it out of the figures' way.
const seed = spawnSync('npx', ['tsx', 'scripts/seed-demo.ts'], { env, stdio: 'ignore' });
if (seed.status !== 0) throw new Error('seeding the demo database failed');

const course = loadCourse('modules');
const mod = course.moduleBySlug.get('wat-en-hoe')!;
const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
const quiz = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const items = quiz.quiz!.items.filter((i) => i.type === 'single' || i.type === 'multi');

// The learners are made through the domain functions, before the server opens the file.
{
	const { openDatabase, closeDatabase } = await import('../src/lib/server/db');
	const { makeUser } = await import('../src/lib/server/testing');
	const progress = await import('../src/lib/server/progress');
	openDatabase(databaseUrl, { migrationsDir: path.resolve('drizzle') });
	for (let i = 0; i < learners; i++) {
		const { id } = await makeUser({
			email: `last-${i}@load.signaalwijs.be`,
			name: `Lerende ${i}`,
			password
		});
		progress.startModule(id, mod.slug);
	}
	closeDatabase();
}

const server = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });
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

interface Client {
	cookie?: string;
	n?: number;
}
let nextCookie = 0;
const cookieFor = (context: Client) => (context.cookie ??= cookies[nextCookie++ % cookies.length]);

// Each connection is one learner: two reads, then an answer, over and over.
const result = await autocannon({
	url: origin,
	connections: learners,
	duration,
	...(rate ? { overallRate: rate } : {}),
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

const stats =
	(result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ??
	{};
const bad = Object.entries(stats)
	.filter(([code]) => Number(code) >= 400)
	.reduce((sum, [, s]) => sum + s.count, 0);
const errors = result.errors + result.timeouts + bad;
const met = errors === 0 && result.latency.p99 <= 200;
console.log(
	`\nSignaalwijs load test: ${learners} signed-in learners, ${duration} s, ` +
		`${rate ? `${rate} requests/s in all` : 'no reading time'}, ${os.cpus().length} cores` +
		` (load average ${os.loadavg()[0].toFixed(1)}: other work on the machine lowers the figures)`
);
console.log(`requests:   ${result.requests.total} (${Math.round(result.requests.average)}/s)`);
console.log(
	`latency:    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`
);
console.log(
	`statuses:   ${Object.entries(stats)
		.map(([code, s]) => `${code}: ${s.count}`)
		.join(', ')}`
);
console.log(
	`errors:     ${errors} (connection ${result.errors}, timeouts ${result.timeouts}, 4xx/5xx ${bad})`
);
console.log(`target (0 errors, p99 <= 200 ms): ${met ? 'met' : 'NOT met'}`);
stop();
fs.rmSync(dir, { recursive: true, force: true });
