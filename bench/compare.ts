// `npx tsx bench/compare.ts <before> <after>`: CPU per request of two builds of the platform, served
// side by side from copies of one demo database and measured in turns, so both see the same
// machine load. <before> and <after> are checkouts with a build/ (for example
// `git worktree add /tmp/base main && cd /tmp/base && npx vite build`); a directory without
// server.js is served with build/index.js and asked for `/` (the framework floor,
// bench/results/floor). CPU per request is the server process's user + system time from /proc
// divided by the requests served (Linux), which a busy machine disturbs far less than requests
// per second. Prints one line per path with every round, then the medians.
// COMPARE_PATHS (comma-separated, default the bare page and a lesson step), COMPARE_REQUESTS per
// round (3000), COMPARE_ROUNDS (6), BENCH_CONNECTIONS (20), BENCH_PORT (4640 and the next port).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuMicroseconds } from './cpu';
import { seedDemo, serverEnv, signIn, untilOk } from './demo-server';

const [before, after] = process.argv.slice(2).map((dir) => path.resolve(dir));
if (!before || !after) {
	console.error('Usage: npx tsx bench/compare.ts <before checkout> <after checkout>');
	process.exit(1);
}
const paths = (
	process.env.COMPARE_PATHS ?? '/toegankelijkheid,/leren/wat-en-hoe/wat-is-een-tienerpooier'
).split(',');
const amount = Number(process.env.COMPARE_REQUESTS ?? 3000);
const rounds = Number(process.env.COMPARE_ROUNDS ?? 6);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const firstPort = Number(process.env.BENCH_PORT ?? 4640);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-compare-'));
const seeded = path.join(dir, 'demo.db');
seedDemo(serverEnv(seeded, firstPort));

interface Side {
	name: string;
	origin: string;
	floor: boolean;
	server: ChildProcess;
	cookie: string;
}

function serve(name: string, checkout: string, port: number): Side {
	const database = path.join(dir, `${name}.db`);
	fs.copyFileSync(seeded, database);
	const floor = !fs.existsSync(path.join(checkout, 'server.js'));
	const server = spawn(process.execPath, [floor ? 'build/index.js' : 'server.js'], {
		cwd: checkout,
		env: serverEnv(database, port),
		stdio: 'ignore'
	});
	return { name, origin: `http://127.0.0.1:${port}`, floor, server, cookie: '' };
}

const sides = [serve('before', before, firstPort), serve('after', after, firstPort + 1)];
process.on('exit', () => sides.forEach((s) => s.server.kill('SIGTERM')));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

for (const side of sides) {
	await untilOk(`${side.origin}${side.floor ? '/' : '/healthz'}`);
	if (!side.floor) side.cookie = await signIn(side.origin, 'leerkracht@demo.signaalwijs.be');
}
console.log(`load average ${os.loadavg()[0].toFixed(1)} at the start`);
for (const p of paths) {
	const options = (side: Side) => ({
		url: `${side.origin}${side.floor ? '/' : p}`,
		headers: side.cookie ? { cookie: side.cookie } : {},
		connections
	});
	for (const side of sides) await autocannon({ ...options(side), amount: 1000 });
	const cpu: Record<string, number[]> = { before: [], after: [] };
	for (let round = 0; round < rounds; round++) {
		for (const side of round % 2 ? [...sides].reverse() : sides) {
			const start = cpuMicroseconds(side.server.pid!) ?? NaN;
			const result = await autocannon({ ...options(side), amount });
			if (result.errors || result.non2xx) {
				throw new Error(`${side.name} ${p}: ${result.errors} errors, ${result.non2xx} non-2xx`);
			}
			const end = cpuMicroseconds(side.server.pid!) ?? NaN;
			cpu[side.name].push((end - start) / result.requests.total);
		}
	}
	const line = (name: string) => `${name} ${cpu[name].map((v) => v.toFixed(0)).join(' ')} µs`;
	console.log(`${p}: ${line('before')}; ${line('after')}`);
	const b = median(cpu.before);
	const a = median(cpu.after);
	console.log(
		`  medians ${b.toFixed(0)} and ${a.toFixed(0)} µs per request (${(((a - b) / b) * 100).toFixed(1)} %)`
	);
}
console.log(`load average ${os.loadavg()[0].toFixed(1)} at the end`);
process.exit(0);
