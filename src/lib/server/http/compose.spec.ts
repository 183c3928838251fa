import { describe, expect, it } from 'vitest';
import { redirect, type Handle } from '@sveltejs/kit';
import { compose } from './compose';
import { fakeEvent, fakeResolve } from './fake-event';

describe('compose', () => {
	it('runs the handles outermost first and lets each shape what the inner ones answered', async () => {
		const order: string[] = [];
		const tag =
			(name: string): Handle =>
			async ({ event, resolve }) => {
				order.push(`${name} in`);
				const response = await resolve(event);
				order.push(`${name} out`);
				response.headers.append('x-seen', name);
				return response;
			};
		const response = await compose(
			tag('a'),
			tag('b')
		)({
			event: fakeEvent({ path: '/' }),
			resolve: fakeResolve()
		});
		expect(order).toEqual(['a in', 'b in', 'b out', 'a out']);
		expect(response.headers.get('x-seen')).toBe('b, a');
	});

	it('lets an outer handle catch a redirect an inner handle throws without awaiting', async () => {
		const catcher: Handle = async ({ event, resolve }) => {
			try {
				return await resolve(event);
			} catch {
				return new Response('caught', { status: 303 });
			}
		};
		const guard: Handle = () => redirect(303, '/aanmelden');
		const resolve = fakeResolve();
		const response = await compose(catcher, guard)({ event: fakeEvent({ path: '/x' }), resolve });
		expect(response.status).toBe(303);
		expect(resolve.calls).toHaveLength(0);
	});

	it('passes resolve options on, inner page transforms first, as sequence() does', async () => {
		const seen: unknown[] = [];
		const outer: Handle = ({ event, resolve }) =>
			resolve(event, { transformPageChunk: ({ html }) => `${html}+outer`, preload: () => true });
		const inner: Handle = ({ event, resolve }) =>
			resolve(event, { transformPageChunk: ({ html }) => `${html}+inner` });
		await compose(
			outer,
			inner
		)({
			event: fakeEvent({ path: '/' }),
			resolve: async (_event, options) => {
				seen.push(await options?.transformPageChunk?.({ html: 'page', done: true }));
				seen.push(options?.preload?.({ type: 'js', path: '/a.js' }));
				return new Response('ok');
			}
		});
		expect(seen).toEqual(['page+inner+outer', true]);
	});
});
