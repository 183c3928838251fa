import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { inSlices } from '../request-slices.js';

type Listener = ReturnType<typeof inSlices>;
type Request = Parameters<Listener>[0];
type Response = Parameters<Listener>[1];

/** A stand-in for what Node hands the listener: only what the queue reads. */
function fakeRequest(id: number, gone = false): [Request, Response] {
	const request = { id, destroyed: gone, socket: { destroyed: false } };
	return [request as unknown as Request, {} as Response];
}
const idOf = (request: Request) => (request as unknown as { id: number }).id;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
async function untilQuiet(turns = 50) {
	for (let i = 0; i < turns; i++) await nextTurn();
}
function busy(ms: number) {
	const end = performance.now() + ms;
	while (performance.now() < end);
}

describe('inSlices', () => {
	it('starts every request once, first in first out', async () => {
		const started: number[] = [];
		const listener = inSlices((request) => started.push(idOf(request)));
		for (let id = 1; id <= 30; id++) listener(...fakeRequest(id));
		expect(started).toEqual([]); // nothing starts inside the read callback itself
		await untilQuiet();
		expect(started).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
	});

	it('lets the event loop turn (to accept connections) between slices of a busy queue', async () => {
		const started: number[] = [];
		const listener = inSlices(
			(request) => {
				started.push(idOf(request));
				busy(3);
			},
			{ sliceMs: 1 }
		);
		for (let id = 1; id <= 20; id++) listener(...fakeRequest(id));
		// What the event loop does next (an accept, a socket read) waits at most one slice: with
		// every request started in its own read callback it would wait for all twenty (60 ms).
		let startedWhenTheLoopTurned = -1;
		setImmediate(() => (startedWhenTheLoopTurned = started.length));
		await untilQuiet();
		expect(startedWhenTheLoopTurned).toBeGreaterThan(0);
		expect(startedWhenTheLoopTurned).toBeLessThanOrEqual(2);
		expect(started).toHaveLength(20);
	});

	it('starts the requests of a slice back to back, then runs their awaits stage by stage', async () => {
		// Lockstep: each stage of the request code runs for all the slice's requests in a row, which
		// the processor runs faster than the stages of many requests mixed (docs/operations.md).
		const steps: string[] = [];
		async function work(id: number) {
			steps.push(`start ${id}`);
			await null;
			steps.push(`stage 1 ${id}`);
			await null;
			steps.push(`stage 2 ${id}`);
		}
		const listener = inSlices((request) => void work(idOf(request)), { sliceMs: 1000 });
		for (let id = 1; id <= 3; id++) listener(...fakeRequest(id));
		await untilQuiet();
		expect(steps).toEqual([
			'start 1',
			'start 2',
			'start 3',
			'stage 1 1',
			'stage 1 2',
			'stage 1 3',
			'stage 2 1',
			'stage 2 2',
			'stage 2 3'
		]);
	});

	it('drops a request whose connection closed while it waited, and serves the rest', async () => {
		const started: number[] = [];
		const listener = inSlices((request) => started.push(idOf(request)));
		listener(...fakeRequest(1));
		listener(...fakeRequest(2, true));
		const [third, thirdResponse] = fakeRequest(3);
		(third.socket as { destroyed: boolean }).destroyed = true;
		listener(third, thirdResponse);
		listener(...fakeRequest(4));
		await untilQuiet();
		expect(started).toEqual([1, 4]);
	});

	it('keeps serving after a request whose handler threw', async () => {
		const started: number[] = [];
		const thrown: unknown[] = [];
		const listener = inSlices((request) => {
			started.push(idOf(request));
			if (idOf(request) === 2) throw new Error('kapot');
		});
		// The throw escapes as it would from a plain request listener; catch it here.
		const original = process.listeners('uncaughtException');
		process.removeAllListeners('uncaughtException');
		const onUncaught = (error: unknown) => thrown.push(error);
		process.on('uncaughtException', onUncaught);
		try {
			for (let id = 1; id <= 4; id++) listener(...fakeRequest(id));
			await untilQuiet();
		} finally {
			process.off('uncaughtException', onUncaught);
			for (const l of original) process.on('uncaughtException', l);
		}
		expect(thrown).toHaveLength(1);
		expect(started).toEqual([1, 2, 3, 4]);
	});

	describe('behind a real HTTP server', () => {
		let server: http.Server | undefined;
		afterEach(async () => {
			await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
			server = undefined;
		});

		it('answers fifty connections at once, each with its own page', async () => {
			server = http.createServer(
				inSlices((request, response) => {
					busy(1);
					response.setHeader('content-type', 'text/plain; charset=utf-8');
					response.end(`pagina ${request.url}`);
				})
			);
			await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
			const { port } = server.address() as AddressInfo;
			const agent = new http.Agent({ keepAlive: false, maxSockets: 50 });
			const bodies = await Promise.all(
				Array.from(
					{ length: 50 },
					(_, i) =>
						new Promise<string>((resolve, reject) => {
							http
								.get({ host: '127.0.0.1', port, path: `/${i}`, agent }, (response) => {
									let body = '';
									response.setEncoding('utf8');
									response.on('data', (chunk) => (body += chunk));
									response.on('end', () => resolve(`${response.statusCode} ${body}`));
								})
								.on('error', reject);
						})
				)
			);
			agent.destroy();
			expect(bodies).toEqual(Array.from({ length: 50 }, (_, i) => `200 pagina /${i}`));
		});
	});
});
