import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestId } from './request-id';
import { fakeEvent, fakeResolve } from './fake-event';
import { log } from '../platform/log';
import { forgetSharedAddresses, isSharedAddress } from '../platform/client-address';

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

describe('a proxy without ADDRESS_HEADER', () => {
	afterEach(() => {
		vi.restoreAllMocks();
		forgetSharedAddresses();
		delete process.env.ADDRESS_HEADER;
	});

	it('logs one clear warning and marks the proxy address as shared', async () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
		const resolve = fakeResolve();
		for (const client of ['203.0.113.5', '198.51.100.7']) {
			const event = fakeEvent({
				path: '/aanmelden',
				address: '10.0.0.2',
				headers: { 'x-forwarded-for': client }
			});
			await requestId({ event, resolve });
		}
		expect(warn).toHaveBeenCalledTimes(1);
		expect(warn.mock.calls[0][0]).toBe('proxy.address_header_missing');
		expect(JSON.stringify(warn.mock.calls[0][1])).toContain('ADDRESS_HEADER');
		expect(isSharedAddress('10.0.0.2')).toBe(true);
	});

	it('stays quiet for a public peer, without the header, or when ADDRESS_HEADER is set', async () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
		const resolve = fakeResolve();
		const forwarded = { 'x-forwarded-for': '203.0.113.5' };
		await requestId({
			event: fakeEvent({ path: '/', address: '198.51.100.1', headers: forwarded }),
			resolve
		});
		await requestId({ event: fakeEvent({ path: '/', address: '10.0.0.2' }), resolve });
		process.env.ADDRESS_HEADER = 'x-forwarded-for';
		await requestId({
			event: fakeEvent({ path: '/', address: '10.0.0.2', headers: forwarded }),
			resolve
		});
		expect(warn).not.toHaveBeenCalled();
		expect(isSharedAddress('10.0.0.2')).toBe(false);
	});
});
