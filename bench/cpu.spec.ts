import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuMeter, postgresProcesses } from './cpu';

const children: ChildProcess[] = [];
afterEach(() => {
	for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A Node process that prints "ready", burns `ms` of its own CPU when told, prints "done", waits. */
async function burner(ms: number) {
	const child = spawn(
		process.execPath,
		[
			'-e',
			`process.stdout.write('ready\\n');
			process.stdin.once('data', () => {
				const start = process.cpuUsage();
				for (;;) {
					const used = process.cpuUsage(start);
					if ((used.user + used.system) / 1000 >= ${ms}) break;
				}
				process.stdout.write('done\\n');
			});
			setTimeout(() => {}, 60000);`
		],
		{ stdio: ['pipe', 'pipe', 'inherit'] }
	);
	children.push(child);
	const lines = (async function* () {
		for await (const chunk of child.stdout!) yield* String(chunk).trim().split('\n');
	})();
	const next = async () => (await lines.next()).value;
	expect(await next()).toBe('ready');
	return {
		pid: child.pid!,
		async burn() {
			child.stdin!.write('go\n');
			expect(await next()).toBe('done');
		}
	};
}

describe('cpuMeter', () => {
	it("gives a process group's CPU per request, and how busy the cores were", async () => {
		const child = await burner(300);
		const meter = cpuMeter({ burner: () => [child.pid], idle: () => [] })!;
		await child.burn();
		const figures = meter.stop(3);
		// 300 ms of CPU over 3 requests: 100 ms each (clock ticks are 10 ms; the loop's last
		// check and the pipe add a little).
		expect(figures.perRequest.burner).toBeGreaterThanOrEqual(90_000);
		expect(figures.perRequest.burner).toBeLessThan(140_000);
		expect(figures.perRequest.idle).toBe(0);
		expect(figures.total).toBe(figures.perRequest.burner);
		expect(figures.busy).toBeGreaterThan(0);
		expect(figures.busy).toBeLessThanOrEqual(1);
	});

	it('counts a process that ended during the measurement as nothing, never less', async () => {
		const child = await burner(50);
		await child.burn();
		const meter = cpuMeter({ gone: () => [child.pid] })!;
		const proc = children.pop()!;
		proc.kill('SIGKILL');
		await once(proc, 'exit');
		expect(meter.stop(1).perRequest.gone).toBe(0);
	});
});

describe('postgresProcesses', () => {
	it("lists the server named in the data folder's postmaster.pid and the processes it started", async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpu-spec-'));
		try {
			// This test process plays the postmaster; a child it starts plays a backend.
			fs.writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n`);
			const child = await burner(1);
			const pids = postgresProcesses(dir);
			expect(pids[0]).toBe(process.pid);
			expect(pids).toContain(child.pid);
			expect(postgresProcesses(path.join(dir, 'missing'))).toEqual([]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
