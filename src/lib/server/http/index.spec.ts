import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handle } from '@sveltejs/kit';
// sequence() reads SvelteKit's request store, which the server sets up around every request.
// @ts-expect-error: the internal entry ships without its own type declarations.
import { with_request_store } from '@sveltejs/kit/internal/server';
import { handle as composed } from './index';
import { fakeEvent, fakeResolve } from './fake-event';
import { freshDatabase } from '../testing/testing';
import { log } from '../platform/log';

beforeEach(async () => {
	await freshDatabase();
});

const tracing = { record_span: ({ fn }: { fn: (span: unknown) => unknown }) => fn({}) };
const handle: Handle = (input) =>
	with_request_store({ event: input.event, state: { tracing } } as never, () => composed(input));

afterEach(() => {
	vi.restoreAllMocks();
});

describe('the composed handle', () => {
	it('answers a guarded area with a redirect that still carries the headers and a log line', async () => {
		const info = vi.spyOn(log, 'info').mockImplementation(() => {});
		const event = fakeEvent({ path: '/admin', routeId: '/admin' });
		const resolve = fakeResolve();
		const response = await handle({ event, resolve });
		expect(resolve.calls).toHaveLength(0);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/aanmelden?redirectTo=%2Fadmin');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-request-id')).toBe(event.locals.requestId);
		expect(info).toHaveBeenCalledWith(
			'request',
			expect.objectContaining({ route: '/admin', status: 303, userId: null })
		);
	});

	it('serves a public page through to the route, with headers', async () => {
		vi.spyOn(log, 'info').mockImplementation(() => {});
		const resolve = fakeResolve();
		const response = await handle({ event: fakeEvent({ path: '/' }), resolve });
		expect(resolve.calls).toHaveLength(1);
		expect(await response.text()).toBe('ok');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	});
});
