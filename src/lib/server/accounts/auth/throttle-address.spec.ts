// Issue 16, finding 12: throttles key IPv6 by /64, a proxy every user shares does not let one
// person lock out everybody, and a flood of throttled sign-ins writes one audit row per window.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../../testing/testing';
import { db } from '../../db';
import { auditEvent } from '../../db/schema';
import { forgetSharedAddresses, noteForwardedRequest } from '../../platform/client-address';
import { log } from '../../platform/log';
import { signIn } from '../accounts';
import { addressWideKey, OncePerWindow } from './throttle';

let n = 0;
/** A fresh /64 per test, so the process-wide throttles of other tests never interfere. */
const prefix = () => `2001:db8:${(++n).toString(16)}:1`;

beforeEach(async () => {
	await freshDatabase();
});
afterEach(() => {
	vi.restoreAllMocks();
	forgetSharedAddresses();
});

const wrong = (email: string, address: string) =>
	signIn({ email, password: 'fout wachtwoord hier', address, userAgent: null });

describe('sign-in throttle keys', () => {
	it('counts every address of one IPv6 /64 as one client', async () => {
		const u = await makeUser();
		const p = prefix();
		const results = [];
		// Six different addresses of one /64: the sixth is refused like the sixth try of one.
		for (let i = 1; i <= 6; i++) results.push(await wrong(u.email, `${p}:0:0:0:${i}`));
		expect(results.slice(0, 5).map((r) => !r.ok && r.reason)).toEqual(Array(5).fill('invalid'));
		expect(results[5]).toMatchObject({ ok: false, reason: 'throttled' });
		// Another /64 is another client: the owner's right password still works from there.
		const owner = await signIn({
			email: u.email,
			password: u.password,
			address: `${prefix()}::1`,
			userAgent: null
		});
		expect(owner.ok).toBe(true);
	});

	it('reads an IPv4-mapped IPv6 address as the IPv4 address', async () => {
		const u = await makeUser();
		for (let i = 0; i < 5; i++) await wrong(u.email, '192.0.2.77');
		expect(await wrong(u.email, '::ffff:192.0.2.77')).toMatchObject({ reason: 'throttled' });
	});

	it('skips the address-wide limit of a proxy every user shares, so other accounts get in', async () => {
		vi.spyOn(log, 'warn').mockImplementation(() => {});
		const proxy = '10.9.9.9';
		expect(addressWideKey('login-ip', proxy)).toBe('login-ip:10.9.9.9');
		noteForwardedRequest(proxy);
		expect(addressWideKey('login-ip', proxy)).toBeNull();
		const other = await makeUser();
		// One person behind the proxy sprays 105 wrong passwords over many accounts (more than
		// the 100 an address gets): the others behind the same proxy still sign in.
		for (let i = 0; i < 105; i++) await wrong(`niemand-${i}@example.test`, proxy);
		const result = await signIn({
			email: other.email,
			password: other.password,
			address: proxy,
			userAgent: null
		});
		expect(result.ok).toBe(true);
	});
});

describe('throttled sign-in audit rows', () => {
	it('writes one row per key per window, with the refusals counted since the last row', async () => {
		const u = await makeUser();
		const address = `${prefix()}::9`;
		for (let i = 0; i < 5; i++) await wrong(u.email, address);
		for (let i = 0; i < 50; i++) await wrong(u.email, address);
		const rows = await db
			.select()
			.from(auditEvent)
			.where(eq(auditEvent.action, 'auth.sign_in_throttled'));
		expect(rows).toHaveLength(1);
	});

	it('counts the refusals of a window into the next row', () => {
		const once = new OncePerWindow(1000);
		expect(once.hit('k', 0)).toBe(0);
		for (let i = 1; i <= 7; i++) expect(once.hit('k', i)).toBeNull();
		expect(once.hit('other', 5)).toBe(0);
		expect(once.hit('k', 1000)).toBe(7);
		expect(once.hit('k', 1001)).toBeNull();
	});
});
