import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	addressKey,
	forgetSharedAddresses,
	isInternalAddress,
	isSharedAddress,
	noteForwardedRequest
} from './client-address';
import { log } from './log';

afterEach(() => {
	vi.restoreAllMocks();
	forgetSharedAddresses();
});

describe('addressKey', () => {
	it('groups IPv6 addresses by their /64 prefix', () => {
		const a = addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd');
		expect(a).toBe('2001:db8:1:2::/64');
		expect(addressKey('2001:0db8:0001:0002::1')).toBe(a);
		expect(addressKey('2001:db8:1:2::ffff%eth0')).toBe(a);
		expect(addressKey('2001:db8:1:3::1')).not.toBe(a);
		expect(addressKey('::1')).toBe('0:0:0:0::/64');
	});

	it('reads IPv4-mapped IPv6 as the IPv4 address and keeps IPv4 as is', () => {
		expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
		expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
		expect(addressKey('not an address' + 'x'.repeat(100))).toHaveLength(64);
	});
});

describe('isInternalAddress', () => {
	it('knows loopback, private, link-local and carrier-grade NAT addresses', () => {
		for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '100.64.0.1', '::1'])
			expect(isInternalAddress(a), a).toBe(true);
		for (const a of ['fd00::1', 'fe80::1', '::ffff:10.0.0.1'])
			expect(isInternalAddress(a), a).toBe(true);
		for (const a of ['203.0.113.7', '172.32.0.1', '2001:db8::1', '::ffff:8.8.8.8', 'x'])
			expect(isInternalAddress(a), a).toBe(false);
	});
});

describe('noteForwardedRequest', () => {
	it('marks an internal peer as a shared proxy and warns once', () => {
		const warn = vi.spyOn(log, 'warn').mockImplementation(() => {});
		expect(noteForwardedRequest('203.0.113.7')).toBe(false);
		expect(noteForwardedRequest('::ffff:127.0.0.1')).toBe(true);
		expect(noteForwardedRequest('127.0.0.1')).toBe(true);
		expect(noteForwardedRequest('10.0.0.9')).toBe(true);
		expect(warn).toHaveBeenCalledTimes(1);
		expect(isSharedAddress('127.0.0.1')).toBe(true);
		expect(isSharedAddress('10.0.0.9')).toBe(true);
		expect(isSharedAddress('203.0.113.7')).toBe(false);
	});
});
