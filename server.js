// Production entry: adapter-node's handler behind one thin layer that puts the security headers on
// every response, static files included (adapter-node serves those before hooks.server.ts runs).
// `node build` also works, but then files under /_app/immutable go out without these headers.
// The V8 flags first: they must be set before the app allocates anything (runtime-flags.js).
import './runtime-flags.js';
import http from 'node:http';
import { inSlices } from './request-slices.js';

// Whatever the process creates (database, -wal/-shm, backups, key files) is the service
// account's alone; the code also sets these modes explicitly (platform/file-modes.ts). Set
// before the app is imported: its start-up opens the database.
process.umask(0o077);
const { handler } = await import('./build/handler.js');

const headers = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'
};

// adapter-node refuses a body above BODY_SIZE_LIMIT with a bare English line before the app
// runs; a declared oversized body gets a calm Dutch page here instead (adapter-node still caps
// bodies without a declared length while they stream in).
function parseLimit(value) {
	if (!value) return 512 * 1024;
	if (value === 'Infinity') return Infinity;
	const match = /^(\d+)([KMG]?)$/i.exec(value.trim());
	if (!match) return 512 * 1024;
	const factor = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[match[2].toUpperCase()];
	return Number(match[1]) * factor;
}
const bodyLimit = parseLimit(process.env.BODY_SIZE_LIMIT);
const tooLarge = `<!doctype html><html lang="nl-BE"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Te groot · Signaalwijs</title></head><body><main><h1>Dit bestand of formulier is te groot</h1><p>Wat je verstuurde is groter dan ${Math.round(bodyLimit / 1024)} KB. Er is niets bewaard. Ga terug en probeer het met minder tekst of een kleiner bestand.</p><p><a href="/">Naar de startpagina</a></p></main></body></html>`;

// The handle in src/lib/server/http/security-headers.ts sees this mark and leaves these headers
// to this layer (a stricter Referrer-Policy it sets on a response still wins: writeHead merges).
globalThis[Symbol.for('signaalwijs.securityHeadersAtEdge')] = true;

// Requests are started in short slices of the event loop, so new connections are accepted while
// the server is busy (request-slices.js).
const server = http.createServer(
	inSlices((request, response) => {
		for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
		const length = Number(request.headers['content-length']);
		if (Number.isFinite(length) && length > bodyLimit) {
			response.statusCode = 413;
			response.setHeader('content-type', 'text/html; charset=utf-8');
			// Drain (and discard) the body rather than closing the socket mid-upload, which the client
			// would see as a broken pipe instead of this page.
			request.resume();
			response.end(tooLarge);
			return;
		}
		handler(request, response, () => {
			response.statusCode = 404;
			response.setHeader('content-type', 'text/plain; charset=utf-8');
			response.end('Niet gevonden');
		});
	})
);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	// Finish what is in flight, then let the app close the database (WAL checkpoint).
	server.close(() => process.emit('sveltekit:shutdown', reason));
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
