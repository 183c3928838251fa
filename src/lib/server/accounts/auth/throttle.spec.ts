import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../testing/testing';
import { forgetOldThrottles, Throttle } from './throttle';

const options = { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 };

beforeEach(async () => {
	await freshDatabase();
});

describe('throttle', () => {
	it('allows the free attempts, then delays with a growing wait', async () => {
		const t = new Throttle('spec', options);
		const now = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(await t.retryAfter('k', now)).toBe(0);
			await t.fail('k', now);
		}
		expect(await t.retryAfter('k', now)).toBe(0);
		await t.fail('k', now);
		expect(await t.retryAfter('k', now)).toBe(1000);
		await t.fail('k', now + 1000);
		expect(await t.retryAfter('k', now + 1000)).toBe(2000);
		await t.fail('k', now + 3000);
		expect(await t.retryAfter('k', now + 3000)).toBe(4000);
	});

	it('never waits longer than the maximum, so nobody is locked out for good', async () => {
		const t = new Throttle('spec', options);
		let now = 0;
		for (let i = 0; i < 40; i++) {
			await t.fail('k', now);
			now += 10;
		}
		expect(await t.retryAfter('k', now)).toBeLessThanOrEqual(8000);
		expect(await t.retryAfter('k', now)).toBeGreaterThan(7000);
		expect(await t.retryAfter('k', now + 8000)).toBe(0);
	});

	it('resets on success and keeps keys apart', async () => {
		const t = new Throttle('spec', options);
		for (let i = 0; i < 5; i++) await t.fail('a', 0);
		expect(await t.retryAfter('a', 0)).toBeGreaterThan(0);
		expect(await t.retryAfter('b', 0)).toBe(0);
		await t.reset('a');
		expect(await t.retryAfter('a', 0)).toBe(0);
	});

	it('keeps the keys of two throttles apart in the shared table', async () => {
		const one = new Throttle('one', options);
		const two = new Throttle('two', options);
		for (let i = 0; i < 5; i++) await one.fail('a', 0);
		expect(await one.retryAfter('a', 0)).toBeGreaterThan(0);
		expect(await two.retryAfter('a', 0)).toBe(0);
	});

	it('forgets a key after a quiet period, and counts afresh', async () => {
		const t = new Throttle('spec', options);
		for (let i = 0; i < 5; i++) await t.fail('a', 0);
		expect(await t.retryAfter('a', 60_001)).toBe(0);
		await t.fail('a', 60_001);
		expect(await t.retryAfter('a', 60_001)).toBe(0);
		expect(await forgetOldThrottles(60_002 + 24 * 3_600_000)).toBeGreaterThanOrEqual(1);
	});

	it('counts failures of two instances (two servers) against one key', async () => {
		const a = new Throttle('spec', options);
		const b = new Throttle('spec', options);
		await Promise.all([a.fail('k', 0), b.fail('k', 0), a.fail('k', 0), b.fail('k', 0)]);
		expect(await a.retryAfter('k', 0)).toBe(1000);
		expect(await b.retryAfter('k', 0)).toBe(1000);
	});
});

describe('throttle reservations', () => {
	it('counts an attempt before the check, so a burst gets only the free attempts', async () => {
		const t = new Throttle('spec', options);
		const waits = await Promise.all(Array.from({ length: 40 }, () => t.reserve('k', 0)));
		expect(waits.filter((w) => w === 0)).toHaveLength(3);
		expect(await t.retryAfter('k', 0)).toBe(1000);
	});

	it('gives a right attempt back, and forgets all keys of one prefix', async () => {
		const t = new Throttle('spec', options);
		for (let i = 0; i < 3; i++) await t.reserve('ip', 0);
		await t.refund('ip');
		expect(await t.reserve('ip', 0)).toBe(0);
		await t.reserve('login:a|1', 0);
		await t.reserve('login:a|1', 0);
		await t.reserve('login:a|1', 0);
		expect(await t.retryAfter('login:a|1', 0)).toBeGreaterThan(0);
		await t.resetPrefix('login:a|');
		expect(await t.retryAfter('login:a|1', 0)).toBe(0);
	});
});
