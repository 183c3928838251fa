import { describe, expect, it } from 'vitest';
import { Throttle } from './throttle';

const options = { freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 };

describe('throttle', () => {
	it('allows the free attempts, then delays with a growing wait', () => {
		const t = new Throttle(options);
		const now = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(t.retryAfter('k', now)).toBe(0);
			t.fail('k', now);
		}
		expect(t.retryAfter('k', now)).toBe(0);
		t.fail('k', now);
		expect(t.retryAfter('k', now)).toBe(1000);
		t.fail('k', now + 1000);
		expect(t.retryAfter('k', now + 1000)).toBe(2000);
		t.fail('k', now + 3000);
		expect(t.retryAfter('k', now + 3000)).toBe(4000);
	});

	it('never waits longer than the maximum, so nobody is locked out for good', () => {
		const t = new Throttle(options);
		let now = 0;
		for (let i = 0; i < 40; i++) {
			t.fail('k', now);
			now += 10;
		}
		expect(t.retryAfter('k', now)).toBeLessThanOrEqual(8000);
		expect(t.retryAfter('k', now + 8000)).toBe(0);
	});

	it('resets on success and keeps keys apart', () => {
		const t = new Throttle(options);
		for (let i = 0; i < 5; i++) t.fail('a', 0);
		expect(t.retryAfter('a', 0)).toBeGreaterThan(0);
		expect(t.retryAfter('b', 0)).toBe(0);
		t.reset('a');
		expect(t.retryAfter('a', 0)).toBe(0);
	});

	it('forgets a key after a quiet period', () => {
		const t = new Throttle(options);
		for (let i = 0; i < 5; i++) t.fail('a', 0);
		expect(t.retryAfter('a', 60_001)).toBe(0);
	});
});

describe('throttle reservations', () => {
	it('counts an attempt before the check, so a burst gets only the free attempts', () => {
		const t = new Throttle(options);
		const allowed = Array.from({ length: 40 }, () => t.reserve('k', 0)).filter((w) => w === 0);
		expect(allowed).toHaveLength(3);
		expect(t.retryAfter('k', 0)).toBe(1000);
	});

	it('gives a right attempt back, and forgets all keys of one prefix', () => {
		const t = new Throttle(options);
		for (let i = 0; i < 3; i++) t.reserve('ip', 0);
		t.refund('ip');
		expect(t.reserve('ip', 0)).toBe(0);
		t.reserve('login:a|1', 0);
		t.reserve('login:a|1', 0);
		t.reserve('login:a|1', 0);
		expect(t.retryAfter('login:a|1', 0)).toBeGreaterThan(0);
		t.resetPrefix('login:a|');
		expect(t.retryAfter('login:a|1', 0)).toBe(0);
	});
});
