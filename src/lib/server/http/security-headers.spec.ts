import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers';
import { fakeEvent, fakeResolve } from './fake-event';

async function run(path: string, signedIn = false, response?: () => Response) {
	const event = fakeEvent({ path });
	if (signedIn) event.locals.user = { id: 1 } as App.Locals['user'];
	return securityHeaders({ event, resolve: fakeResolve(response) });
}

describe('securityHeaders handle', () => {
	it('adds the security headers and the request id to a public page, cacheable', async () => {
		const response = await run('/privacy');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('x-request-id')).toBe('test-request');
		expect(response.headers.get('cache-control')).toBeNull();
		expect(response.headers.get('strict-transport-security')).toBeNull();
	});

	it('keeps areas and signed-in answers out of caches, redirects included', async () => {
		expect((await run('/beheer')).headers.get('cache-control')).toBe('no-store');
		const redirect = await run(
			'/',
			true,
			() => new Response(null, { status: 303, headers: { location: '/leren' } })
		);
		expect(redirect.headers.get('cache-control')).toBe('no-store');
		expect(redirect.headers.get('x-frame-options')).toBe('DENY');
	});

	it('sends no Referer from pages whose path carries a secret token', async () => {
		expect((await run('/wachtwoord-vergeten/abc')).headers.get('referrer-policy')).toBe(
			'no-referrer'
		);
		expect((await run('/uitnodiging/abc')).headers.get('referrer-policy')).toBe('no-referrer');
		expect((await run('/wachtwoord-vergeten')).headers.get('referrer-policy')).toBe(
			'strict-origin-when-cross-origin'
		);
	});

	it('behind server.js adds only the per-request headers; server.js has set the fixed ones', async () => {
		const mark = Symbol.for('signaalwijs.securityHeadersAtEdge');
		const global = globalThis as Record<symbol, unknown>;
		global[mark] = true;
		try {
			const page = await run('/privacy');
			expect(page.headers.get('x-frame-options')).toBeNull();
			expect(page.headers.get('x-request-id')).toBe('test-request');
			expect((await run('/beheer')).headers.get('cache-control')).toBe('no-store');
			expect((await run('/uitnodiging/abc')).headers.get('referrer-policy')).toBe('no-referrer');
		} finally {
			delete global[mark];
		}
	});
});
