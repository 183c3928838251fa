import { afterEach, describe, expect, it, vi } from 'vitest';
import { accessLog } from './access-log';
import { fakeEvent, fakeResolve } from './fake-event';
import { log } from '../platform/log';

afterEach(() => {
	vi.restoreAllMocks();
});

describe('accessLog handle', () => {
	it('writes one line per request with the route id, status and user, never the raw URL', async () => {
		const info = vi.spyOn(log, 'info').mockImplementation(() => {});
		const event = fakeEvent({
			path: '/wachtwoord-vergeten/geheim-token?x=1',
			routeId: '/wachtwoord-vergeten/[token]',
			method: 'POST'
		});
		event.locals.user = { id: 42 } as App.Locals['user'];
		const response = await accessLog({
			event,
			resolve: fakeResolve(() => new Response(null, { status: 303 }))
		});
		expect(response.status).toBe(303);
		expect(info).toHaveBeenCalledTimes(1);
		const [name, fields] = info.mock.calls[0];
		expect(name).toBe('request');
		expect(fields).toMatchObject({
			method: 'POST',
			route: '/wachtwoord-vergeten/[token]',
			status: 303,
			requestId: 'test-request',
			userId: 42
		});
		expect(JSON.stringify(fields)).not.toContain('geheim-token');
	});

	it('falls back to a shortened path for unknown routes and names the pending user', async () => {
		const info = vi.spyOn(log, 'info').mockImplementation(() => {});
		const event = fakeEvent({ path: '/' + 'a/'.repeat(150), routeId: null });
		event.locals.pendingSession = { userId: 7 } as App.Locals['pendingSession'];
		await accessLog({ event, resolve: fakeResolve(() => new Response('nee', { status: 404 })) });
		expect(info.mock.calls[0][1]).toMatchObject({ status: 404, userId: 7 });
		expect((info.mock.calls[0][1] as { route: string }).route).toHaveLength(120);
	});

	it('replaces token-like segments of a path that matched no route', async () => {
		const info = vi.spyOn(log, 'info').mockImplementation(() => {});
		const token = 'Zq8vH3kP0aB7xY2mN5cR1tW4uE6iO9sL';
		const event = fakeEvent({ path: `/uitnodigingen/${token}/oud`, routeId: null });
		await accessLog({ event, resolve: fakeResolve(() => new Response('nee', { status: 404 })) });
		expect(info.mock.calls[0][1]).toMatchObject({ route: '/uitnodigingen/[token]/oud' });
		expect(JSON.stringify(info.mock.calls[0][1])).not.toContain(token);
	});
});
