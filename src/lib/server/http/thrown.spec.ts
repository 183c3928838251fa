import { afterEach, describe, expect, it, vi } from 'vitest';
import { error, redirect } from '@sveltejs/kit';
import { answerThrown } from './thrown';
import { fakeEvent } from './fake-event';
import { log } from '../platform/log';
import { messages } from '$lib/i18n';

afterEach(() => {
	vi.restoreAllMocks();
});

const throwing = (cause: () => never) => () => cause();

describe('answerThrown handle', () => {
	it('passes an ordinary response through untouched', async () => {
		const ok = new Response('ok');
		expect(await answerThrown({ event: fakeEvent({ path: '/' }), resolve: () => ok })).toBe(ok);
	});

	it('answers a thrown redirect: a 303 for pages, a JSON redirect for data requests', async () => {
		const page = await answerThrown({
			event: fakeEvent({ path: '/leren' }),
			resolve: throwing(() => redirect(303, '/aanmelden'))
		});
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/aanmelden');
		const data = await answerThrown({
			event: fakeEvent({ path: '/leren/__data.json', isDataRequest: true }),
			resolve: throwing(() => redirect(303, '/aanmelden'))
		});
		expect(await data.json()).toEqual({ type: 'redirect', location: '/aanmelden' });
	});

	it('answers a thrown error with its status and message, anything else with a calm 500', async () => {
		const denied = await answerThrown({
			event: fakeEvent({ path: '/admin', method: 'POST' }),
			resolve: throwing(() => error(403, { message: messages.errors[403] }))
		});
		expect(denied.status).toBe(403);
		expect(await denied.json()).toEqual({ message: messages.errors[403] });
		const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
		const crash = await answerThrown({
			event: fakeEvent({ path: '/' }),
			resolve: () => {
				throw new TypeError('kapot');
			}
		});
		expect(crash.status).toBe(500);
		expect(await crash.json()).toEqual({ message: messages.errors[500] });
		expect(logged).toHaveBeenCalledWith(
			'request.failed',
			expect.objectContaining({ error: expect.stringMatching(/^TypeError: kapot\n/) })
		);
	});

	it('still clears a session cookie that was deleted before the throw', async () => {
		const event = fakeEvent({ path: '/leren', cookies: { session: 'stale' } });
		const response = await answerThrown({
			event,
			resolve: () => {
				event.cookies.delete('session', { path: '/' });
				redirect(303, '/aanmelden');
			}
		});
		expect(response.headers.get('set-cookie')).toBe('session=; Max-Age=0');
	});
});
