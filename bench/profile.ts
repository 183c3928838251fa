// `npm run bench:profile`: where the production server spends its CPU per request. For each of the
// framework floor (bench/floor.ts, the reference for the bare page), the bare page, the learner
// dashboard /leren, a lesson step and the answer POST it starts server.js (or the floor's server)
// under `node --cpu-prof` on a fresh demo database, signs a learner in, warms up, loads it with
// autocannon (50 connections, PROFILE_DURATION s, default 10), stops it and reads the profile.
// Only samples taken while autocannon measured are counted (the profile's clock is the monotonic
// clock process.hrtime reads), so start-up and warm-up do not blur the figures.
// Self time is mapped through build/'s source maps and grouped by what it is (SSR render, hooks,
// session lookup, Drizzle, SQLite, serialisation, logging, Node HTTP, GC ...), then divided by
// the requests served: microseconds of CPU per request. Prints markdown (and writes it to
// bench/results/profile.md); the .cpuprofile files stay in bench/results/profiles/ for DevTools.
// BENCH_PORT (default 4620) is the port used, one server at a time.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadCourse } from '../src/lib/server/content/load';
import { correctAnswer } from '../src/lib/server/learning/grading';
import { cpuMicroseconds } from './cpu';
import { ensureBuild } from './prepare';
import { floorDir, prepareFloor } from './floor';
import { seedDemo, serverEnv, signIn, untilOk } from './demo-server';

const port = Number(process.env.BENCH_PORT ?? 4620);
const origin = `http://127.0.0.1:${port}`;
const duration = Number(process.env.PROFILE_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const outDir = path.resolve('bench/results/profiles');

ensureBuild();
const floorEntry = prepareFloor();
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-profile-'));
const database = path.join(dir, 'profile.db');
const env = serverEnv(database, port);
seedDemo(env);

const course = loadCourse('modules');
const mod = course.moduleBySlug.get('wat-en-hoe')!;
const lesson = mod.steps.find((s) => s.meta.kind === 'lesson')!;
const quiz = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const item = quiz.quiz!.items.find((i) => i.type === 'single' || i.type === 'multi')!;
const answer = correctAnswer(item) as { selected: string[] };

async function startServer(profileDir: string, entry: string): Promise<ChildProcess> {
	const server = spawn(
		process.execPath,
		['--cpu-prof', `--cpu-prof-dir=${profileDir}`, '--cpu-prof-interval=250', entry],
		{ env, stdio: 'ignore' }
	);
	await untilOk(`${origin}${entry === 'server.js' ? '/healthz' : '/'}`);
	return server;
}

const microseconds = () => Number(process.hrtime.bigint() / 1000n);

interface Scenario {
	name: string;
	/** The framework floor (bench/floor.ts) instead of server.js, with no sign-in. */
	floor?: boolean;
	options: (cookie: string) => autocannon.Options;
}
const quizPath = `/leren/${mod.slug}/${quiz.slug}`;
const scenarios: Scenario[] = [
	{
		name: 'framework floor (bench/floor.ts)',
		floor: true,
		options: () => ({ url: `${origin}/` })
	},
	{
		name: 'bare page /toegankelijkheid',
		options: (cookie) => ({ url: `${origin}/toegankelijkheid`, headers: { cookie } })
	},
	{
		name: 'learner dashboard /leren',
		options: (cookie) => ({ url: `${origin}/leren`, headers: { cookie } })
	},
	{
		name: `lesson step /leren/${mod.slug}/${lesson.slug}`,
		options: (cookie) => ({
			url: `${origin}/leren/${mod.slug}/${lesson.slug}`,
			headers: { cookie }
		})
	},
	{
		name: `quiz step ${quizPath}`,
		options: (cookie) => ({ url: `${origin}${quizPath}`, headers: { cookie } })
	},
	{
		name: `answer POST ${quizPath}?/answer`,
		options: (cookie) => ({
			url: `${origin}${quizPath}?/answer`,
			method: 'POST',
			headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams([
				['itemId', item.id],
				...answer.selected.map((s) => ['choice', s])
			]).toString()
		})
	}
];

// ---- reading a profile ------------------------------------------------------------------------

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}
interface Profile {
	nodes: { id: number; callFrame: CallFrame }[];
	startTime: number;
	samples: number[];
	timeDeltas: number[];
}

const maps = new Map<string, SourceMap | null>();
function sourceMapFor(file: string): SourceMap | null {
	if (!maps.has(file)) {
		const mapFile = `${file}.map`;
		maps.set(
			file,
			fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : null
		);
	}
	return maps.get(file)!;
}

const modules = new Map<string, { line: number; path: string }[]>();
/**
 * The bundler marks where each module starts in .svelte-kit/output with a `// path` comment line;
 * the module of a line is the last such mark above it.
 */
function moduleAt(file: string, line: number): string | null {
	if (!modules.has(file)) {
		const marks: { line: number; path: string }[] = [];
		if (fs.existsSync(file)) {
			fs.readFileSync(file, 'utf8')
				.split('\n')
				.forEach((text, i) => {
					const mark =
						/^\/\/ (?:\.\.\/)*((?:node_modules|src|modules)\/\S+\.(?:js|mjs|ts|svelte|md))$/.exec(
							text
						);
					if (mark) marks.push({ line: i + 1, path: mark[1] });
				});
		}
		modules.set(file, marks);
	}
	let found: string | null = null;
	for (const mark of modules.get(file)!) {
		if (mark.line > line) break;
		found = mark.path;
	}
	return found;
}

const buildDirs = [path.resolve('build'), path.join(floorDir, 'build')];
/** The source module (relative to the project) and line of a frame, through build/'s source maps. */
function original(frame: CallFrame): { file: string; line: number } {
	if (!frame.url.startsWith('file://')) return { file: frame.url, line: frame.lineNumber + 1 };
	const file = fileURLToPath(frame.url);
	const relative = path.relative(process.cwd(), file);
	if (!buildDirs.some((dir) => file.startsWith(dir)))
		return { file: relative, line: frame.lineNumber + 1 };
	const entry = sourceMapFor(file)?.findEntry(frame.lineNumber, frame.columnNumber);
	if (!entry || !('originalSource' in entry) || !entry.originalSource) {
		return { file: relative, line: frame.lineNumber + 1 };
	}
	const source = entry.originalSource.startsWith('file://')
		? fileURLToPath(entry.originalSource)
		: path.resolve(path.dirname(file), entry.originalSource);
	const line = entry.originalLine + 1;
	const output = path.relative(process.cwd(), source);
	// Inside a bundled chunk the line is the chunk's, not the module's: 0 leaves it out.
	const module = moduleAt(source, line);
	if (module) return { file: module, line: 0 };
	// A route's own file: .svelte-kit/output/server/entries/pages/leren/_page.server.ts.js
	const route = /\/entries\/(?:pages|endpoints)\/(.*)\.js$/.exec(output)?.[1];
	if (route) return { file: `src/routes/${route.replace(/(^|\/)_/, '$1+')}`, line };
	return { file: output, line };
}

const sqliteMethods = new Set(['all', 'get', 'run', 'iterate', 'raw', 'prepare', 'exec', 'pragma']);

/** What a frame is, in words a reader of docs/operations.md understands. */
function group(frame: CallFrame, file: string): string {
	const name = frame.functionName;
	if (name === '(garbage collector)') return 'GC';
	if (name === '(program)') return 'V8 / native outside JS (program)';
	if (name === '(idle)' || name === '(root)') return 'idle';
	if (name === 'writev' || name === 'writeUtf8String' || name === 'writeBuffer') {
		return 'Node net & streams';
	}
	if (file.startsWith('node:')) {
		if (/undici|event_target|abort|webstreams/.test(file)) {
			return 'Web Request/Response/Headers (undici, built by SvelteKit per request)';
		}
		if (/async_hooks|async_local/.test(file)) return 'AsyncLocalStorage (async_hooks)';
		if (/_http|http/.test(file)) return 'Node HTTP';
		if (/net|stream|buffer/.test(file)) return 'Node net & streams';
		if (/crypto/.test(file)) return 'crypto (random ids, nonces)';
		return 'Node (other)';
	}
	if (!file) return sqliteMethods.has(name) ? 'SQLite (better-sqlite3 native)' : 'V8 builtins';
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
	// better-sqlite3's C++ runs inside the JS frame that calls it: SQLite's own work (stepping the
	// statement, the fsync of a commit) shows up in Drizzle's session.get/all/values/run and in
	// better-sqlite3's transaction wrapper.
	if (pkg === 'drizzle-orm' && /session\.js$/.test(file) && /^(get|all|values|run)$/.test(name)) {
		return 'SQL execution (SQLite inside Drizzle session.get/all/values/run)';
	}
	if (pkg === 'drizzle-orm') return 'Drizzle (query building, result mapping)';
	if (pkg === 'better-sqlite3' && /transaction/.test(file)) {
		return 'SQLite transactions (commit + fsync, synchronous=FULL)';
	}
	if (pkg === 'better-sqlite3' && name === 'prepare') return 'SQLite statement preparation';
	if (pkg === 'better-sqlite3') return 'SQLite (better-sqlite3 native)';
	if (pkg === 'devalue' || /data_serializer/.test(file)) {
		return 'load data serialisation (devalue)';
	}
	if (pkg === 'svelte') return 'SSR render (Svelte runtime)';
	if (pkg === '@sveltejs/kit' && /page\/(render|csp)\.js$/.test(file)) {
		return 'SvelteKit render_response (page shell, CSP hashes)';
	}
	if (pkg === '@sveltejs/kit' || /adapter-node/.test(file)) return 'SvelteKit runtime';
	if (pkg) return `package ${pkg}`;
	if (/^src\/hooks\.server/.test(file)) return 'hooks (src/hooks.server.ts)';
	if (/^src\/lib\/server\/accounts\/auth\/session/.test(file)) return 'session lookup';
	if (/^src\/lib\/server\/platform\/log/.test(file)) return 'logging';
	if (/^src\/lib\/server\/platform\/audit/.test(file)) return 'audit log';
	if (/^src\/lib\/server\/platform\/headers/.test(file)) return 'security headers';
	if (/^src\/lib\/i18n\//.test(file)) return 'message catalogue';
	const domain = /^src\/lib\/server\/([^/]+)\//.exec(file)?.[1];
	if (domain) return `domain code (src/lib/server/${domain})`;
	if (/^src\/routes\/.*\.(server\.)?ts/.test(file)) return 'load functions & actions (src/routes)';
	if (/\.svelte(\.js)?$|^modules\/|^src\/lib\/components\//.test(file)) {
		return 'SSR render (components, lesson prose)';
	}
	return `other (${file})`;
}

function analyse(
	profile: Profile,
	from: number,
	to: number,
	requests: number,
	cpuPerRequest: number | null
) {
	const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const self = new Map<number, number>();
	let time = profile.startTime;
	let inWindow = 0;
	for (let i = 0; i < profile.samples.length; i++) {
		time += profile.timeDeltas[i];
		const next = profile.timeDeltas[i + 1] ?? 0;
		if (time < from || time > to) continue;
		inWindow += 1;
		self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + next);
	}
	if (inWindow === 0) throw new Error('no profile samples inside the measured window');
	const groups = new Map<string, number>();
	const functions = new Map<string, number>();
	let busy = 0;
	for (const [id, us] of self) {
		const frame = frames.get(id)!;
		const where = original(frame);
		const label = group(frame, where.file);
		if (label === 'idle') continue;
		busy += us;
		groups.set(label, (groups.get(label) ?? 0) + us);
		const key = `${frame.functionName || '(anonymous)'} · ${where.file || '(native)'}${where.line ? `:${where.line}` : ''}`;
		functions.set(key, (functions.get(key) ?? 0) + us);
	}
	const top = (map: Map<string, number>, n: number) =>
		[...map].sort((a, b) => b[1] - a[1]).slice(0, n);
	const perRequest = cpuPerRequest ?? busy / requests;
	return {
		perRequest,
		sampledPerRequest: busy / requests,
		groups: top(groups, 14).map(([k, us]) => ({
			k,
			perRequest: (us / busy) * perRequest,
			share: us / busy
		})),
		functions: top(functions, 12).map(([k, us]) => ({
			k,
			perRequest: (us / busy) * perRequest,
			share: us / busy
		}))
	};
}

// ---- run --------------------------------------------------------------------------------------

const lines: string[] = [
	`Profiled ${new Date().toISOString().slice(0, 16)}Z on ${os.cpus().length} cores, load average ` +
		`${os.loadavg()[0].toFixed(1)} at the start; ${connections} connections, ${duration} s each, ` +
		'sampling every 250 µs. µs/request = the CPU time the server process used per request ' +
		'(user + system, from /proc) split by the share of profiler samples (self time).',
	''
];
for (const scenario of scenarios) {
	const profileDir = path.join(outDir, scenario.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60));
	const server = await startServer(profileDir, scenario.floor ? floorEntry : 'server.js');
	const cookie = scenario.floor ? '' : await signIn(origin, 'leerkracht@demo.signaalwijs.be');
	await autocannon({ ...scenario.options(cookie), connections: 10, duration: 3 });
	const cpuFrom = cpuMicroseconds(server.pid!);
	const from = microseconds();
	const result = await autocannon({ ...scenario.options(cookie), connections, duration });
	const to = microseconds();
	const cpuTo = cpuMicroseconds(server.pid!);
	const exited = new Promise((r) => server.once('exit', r));
	server.kill('SIGTERM');
	await exited;
	const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
	if (!file) throw new Error(`${scenario.name}: no .cpuprofile written`);
	const profile = JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')) as Profile;
	const requests = result.requests.total;
	// The profiler samples wall time: on a loaded machine a sample also counts the time the thread
	// waited for a core. The shares are what it spent its turns on; /proc says how much CPU it got.
	const cpu = cpuFrom !== null && cpuTo !== null ? (cpuTo - cpuFrom) / requests : null;
	const figures = analyse(profile, from, to, requests, cpu);
	lines.push(
		`### ${scenario.name}`,
		'',
		`${Math.round(result.requests.average)}/s under the profiler, p99 ${result.latency.p99} ms, ` +
			`${result.errors + result.timeouts} errors, ${result.non2xx} non-2xx; ` +
			`${Math.round(figures.perRequest)} µs CPU per request (/proc; the profiler's wall-clock ` +
			`samples say ${Math.round(figures.sampledPerRequest)} µs).`,
		'',
		'| group (self time) | µs/request | share |',
		'|---|---|---|',
		...figures.groups.map(
			(g) => `| ${g.k} | ${g.perRequest.toFixed(0)} | ${(g.share * 100).toFixed(1)} % |`
		),
		'',
		'| top functions (self time) | µs/request | share |',
		'|---|---|---|',
		...figures.functions.map(
			(f) =>
				`| ${f.k.replace(/\|/g, '\\|')} | ${f.perRequest.toFixed(0)} | ${(f.share * 100).toFixed(1)} % |`
		),
		''
	);
	console.error(`profiled ${scenario.name}`);
}
fs.rmSync(dir, { recursive: true, force: true });
const markdown = lines.join('\n');
fs.writeFileSync('bench/results/profile.md', markdown + '\n');
console.log(markdown);
