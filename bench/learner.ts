// Learner benchmark: requests/s and p99 for a lesson step, a quiz step and the answer POST
// (synchronous=FULL), next to a bare page of the same build, all in one run.
// Usage: npm run build && npm run bench:learner   (BENCH_DURATION seconds per target, default 10;
// `-- --engine postgres`: on a throwaway PostgreSQL server, see bench/demo-server.ts)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { loadCourse } from '../src/lib/server/content/load';
import { correctAnswer } from '../src/lib/server/learning/grading';
import { demoDatabase, engineLabel, serverEnv } from './demo-server';

const port = Number(process.env.BENCH_PORT ?? 4599);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-bench-'));
const env = serverEnv(await demoDatabase(path.join(dir, 'bench.db')), port);

if (!fs.existsSync('build/handler.js')) {
	console.error('Run `npm run build` first: the benchmark measures the production build.');
	process.exit(1);
}

const server = spawn(process.execPath, ['server.js'], { env, stdio: 'ignore' });
const stop = () => server.kill('SIGTERM');
process.on('exit', stop);

async function waitForServer() {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return;
		} catch {
			// not up yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

async function signIn(email: string): Promise<string> {
	const response = await fetch(`${origin}/aanmelden`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email, password: 'Signaalwijs-demo-2026' }),
		redirect: 'manual'
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed for ${email}`);
	return cookie;
}

interface Figure {
	name: string;
	rps: number;
	p99: number;
	errors: number;
}

async function measure(name: string, options: autocannon.Options): Promise<Figure> {
	const result = await autocannon({ connections, duration, ...options });
	const stats =
		(result as unknown as { statusCodeStats?: Record<string, { count: number }> })
			.statusCodeStats ?? {};
	const bad = Object.entries(stats)
		.filter(([code]) => Number(code) >= 400)
		.reduce((sum, [, s]) => sum + s.count, 0);
	return {
		name,
		rps: Math.round(result.requests.average),
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + bad
	};
}

await waitForServer();
const course = loadCourse('modules');
const mod = course.moduleBySlug.get('wat-en-hoe')!;
const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
const quiz = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const item = quiz.quiz!.items.find((i) => i.type === 'single' || i.type === 'multi')!;
const answer = correctAnswer(item);
const body = new URLSearchParams([
	['itemId', item.id],
	...answer.selected.map((s) => ['choice', s])
]);

const cookie = await signIn('leerkracht@demo.signaalwijs.be');
const headers = { cookie, accept: 'text/html' };
const figures: Figure[] = [];
figures.push(
	await measure('bare page (/toegankelijkheid)', { url: `${origin}/toegankelijkheid`, headers })
);
figures.push(
	await measure('lesson step', { url: `${origin}/leren/wat-en-hoe/${lesson.slug}`, headers })
);
figures.push(
	await measure('quiz step', { url: `${origin}/leren/wat-en-hoe/${quiz.slug}`, headers })
);
figures.push(
	await measure('answer POST (durable)', {
		url: `${origin}/leren/wat-en-hoe/${quiz.slug}?/answer`,
		method: 'POST',
		headers: { ...headers, origin, 'content-type': 'application/x-www-form-urlencoded' },
		body: body.toString()
	})
);

const bare = figures[0].rps;
console.log(
	`\nSignaalwijs learner benchmark on ${engineLabel}: ${connections} connections, ${duration} s each, ${os.cpus().length} cores`
);
console.log('| target | requests/s | p99 (ms) | errors | ratio to bare page |');
console.log('|---|---|---|---|---|');
for (const f of figures) {
	console.log(`| ${f.name} | ${f.rps} | ${f.p99} | ${f.errors} | ${(f.rps / bare).toFixed(2)} |`);
}
const lessonRatio = figures[1].rps / bare;
const post = figures[3];
console.log(
	`\nlesson step ${(lessonRatio * 100).toFixed(0)} % of the bare page (target >= 60 %): ${lessonRatio >= 0.6 ? 'met' : 'NOT met'}`
);
console.log(
	`answer POST ${post.rps}/s with ${post.errors} errors (target >= 1000/s, 0 errors): ${post.rps >= 1000 && post.errors === 0 ? 'met' : 'NOT met'}`
);
stop();
fs.rmSync(dir, { recursive: true, force: true });
