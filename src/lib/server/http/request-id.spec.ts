import { describe, expect, it } from 'vitest';
import { requestId } from './request-id';
import { fakeEvent, fakeResolve } from './fake-event';

describe('requestId handle', () => {
	it('gives every request its own id and starts it signed out', async () => {
		const resolve = fakeResolve();
		const first = fakeEvent({ path: '/' });
		const second = fakeEvent({ path: '/' });
		Object.assign(first.locals, { user: { id: 1 }, session: {}, pendingSession: {} });
		await requestId({ event: first, resolve });
		await requestId({ event: second, resolve });
		expect(first.locals.requestId).toMatch(
			/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
		);
		expect(second.locals.requestId).not.toBe(first.locals.requestId);
		expect(first.locals).toMatchObject({ user: null, session: null, pendingSession: null });
		expect(resolve.calls).toHaveLength(2);
	});
});
