// Starts HTTP requests in short slices of the event loop instead of inside each socket's read
// callback (used by server.js).
//
// Why: since libuv 1.45 (Node 20) a listening socket accepts one new connection per turn of the
// event loop. Node starts a request inside the read callback of its socket, and one turn reads
// every socket that has data, so under load a turn takes as long as all requests waiting at that
// moment (50 lesson steps: about 50 ms). A burst of new connections (a class opening the course
// together, a browser opening its six) is then accepted one per turn: measured with 50
// connections opening at once against a busy server, the last one waited 1.2 s for its first
// page. Here the read callback only queues the request; the queue is worked off in slices of
// SLICE_MS, and between slices the loop turns (accepting the next connection, reading sockets,
// committing the group-commit batch of answers).
//
// Measured on the 2-core machine (docs/operations.md): the longest wait for a first page fell
// from about 1.2 s to under 0.1 s, and the CPU per request fell by a fifth to two fifths (every
// page and the framework floor, with autocannon and with wrk). The slice's clock counts the
// starts only (about 40 µs each, up to a request's first await); the started requests then run
// to their end before the loop turns, so under load a turn holds every request waiting (20-30
// lesson steps, some 14 ms) and the last of 50 new connections waited 0.25-0.6 s in a later
// measurement ("Requests in lockstep").
//
// Requests leave the queue first in, first out. A request whose connection closed while it
// waited is dropped: its client is gone and nothing was done for it yet.
//
// Requests started in one slice run between each other's awaits, even awaits of promises that
// are already settled. Code that keeps one request's state in a module variable across such an
// await sees another request's: SvelteKit's relative asset paths did (svelte.config.js sets
// `paths.relative: false`; tests/e2e/concurrent-pages.e2e.ts).

/** How long one slice starts queued requests before the event loop turns, in milliseconds. */
export const SLICE_MS = 1;

/**
 * Wraps `handle(request, response)` for `http.createServer`: the returned listener queues each
 * request and starts queued requests in slices of `sliceMs`, letting the event loop turn between
 * slices.
 *
 * @param {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void} handle
 * @param {{ sliceMs?: number }} [options]
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => void}
 */
export function inSlices(handle, { sliceMs = SLICE_MS } = {}) {
	/** @type {{ request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse }[]} */
	const waiting = [];
	let scheduled = false;
	let sliceStart = 0;

	function startSlice() {
		sliceStart = performance.now();
		startNext();
	}

	// Runs from the process.nextTick queue, which Node empties before the promise (microtask)
	// queue: the slice first starts its requests back to back, each up to its first await, and
	// only then do their awaits go on, stage by stage, each stage for all of them in turn. The
	// same code then runs for many requests in a row, which the processor runs faster than the
	// same work mixed: on the 2-core machine each SQLite page cost about 172 µs less CPU (24-45 %
	// more requests per second at 50 connections, the answer POST 14 %) than when each start was
	// queued as a microtask behind the earlier requests' awaits (docs/operations.md, "Requests in
	// lockstep").
	function startNext() {
		let job = waiting.shift();
		while (job && (job.request.destroyed || job.request.socket.destroyed)) job = waiting.shift();
		try {
			if (job) handle(job.request, job.response);
		} finally {
			// Also when `handle` threw (which ends the process as it would without the queue,
			// unless something handles uncaught exceptions): the queue never stalls.
			if (waiting.length === 0) scheduled = false;
			else if (performance.now() - sliceStart < sliceMs) process.nextTick(startNext);
			else setImmediate(startSlice);
		}
	}

	return (request, response) => {
		waiting.push({ request, response });
		if (!scheduled) {
			scheduled = true;
			// After the read phase: the requests read in this turn join the slice.
			setImmediate(startSlice);
		}
	};
}
