// Production entry: adapter-node's handler behind one thin layer that puts the security headers on
// every response, static files included (adapter-node serves those before hooks.server.ts runs).
// `node build` also works, but then files under /_app/immutable go out without these headers.
import http from 'node:http';
import { handler } from './build/handler.js';

const headers = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin',
	'permissions-policy':
		'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'
};

const server = http.createServer((request, response) => {
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	handler(request, response, () => {
		response.statusCode = 404;
		response.setHeader('content-type', 'text/plain; charset=utf-8');
		response.end('Niet gevonden');
	});
});

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
