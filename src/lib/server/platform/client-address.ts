// Client addresses as throttles see them, and the check for a proxy nobody told us about.
//
// - IPv4-mapped IPv6 (`::ffff:203.0.113.7`) is the IPv4 address it carries.
// - Any other IPv6 address is grouped by its /64 prefix: one household or phone gets a whole
//   /64, so keying on the full address would give an attacker 2^64 fresh keys.
// - Behind a reverse proxy without ADDRESS_HEADER every request comes from the proxy: all users
//   would share one key. The first such request logs a warning, and the proxy's address is
//   remembered as shared so that address-wide limits skip it (see docs/security.md).
import { isIP } from 'node:net';
import { log } from './log';

/** The eight 16-bit groups of an IPv6 address, or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
	let text = address;
	const zone = text.indexOf('%');
	if (zone >= 0) text = text.slice(0, zone);
	if (isIP(text) !== 6) return null;
	// A trailing dotted IPv4 part (::ffff:1.2.3.4) becomes two groups.
	const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (dotted) {
		const [a, b, c, d] = dotted.slice(1).map(Number);
		text =
			text.slice(0, dotted.index) + ((a << 8) | b).toString(16) + ':' + ((c << 8) | d).toString(16);
	}
	const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const missing = tail === undefined ? 0 : 8 - left.length - right.length;
	const groups = [...left, ...Array<string>(missing).fill('0'), ...right].map((g) =>
		parseInt(g, 16)
	);
	return groups.length === 8 ? groups : null;
}

function mappedIpv4(groups: number[]): string | null {
	const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
	if (!isMapped) return null;
	return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
}

/**
 * The address part of a throttle key: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by its
 * /64 prefix (`2001:db8:1:2::/64`). Anything else is kept (cut to 64 characters).
 */
export function addressKey(address: string): string {
	const trimmed = address.trim();
	if (isIP(trimmed) === 4) return trimmed;
	const groups = ipv6Groups(trimmed);
	if (!groups) return trimmed.slice(0, 64);
	return (
		mappedIpv4(groups) ??
		`${groups
			.slice(0, 4)
			.map((g) => g.toString(16))
			.join(':')}::/64`
	);
}

/** Loopback, private, link-local or carrier-grade NAT: where a reverse proxy usually sits. */
export function isInternalAddress(address: string): boolean {
	let v4 = isIP(address.trim()) === 4 ? address.trim() : null;
	if (!v4) {
		const groups = ipv6Groups(address.trim());
		if (!groups) return false;
		v4 = mappedIpv4(groups);
		if (!v4) {
			const loopback = groups.slice(0, 7).every((g) => g === 0) && groups[7] === 1;
			return loopback || (groups[0] & 0xfe00) === 0xfc00 || (groups[0] & 0xffc0) === 0xfe80;
		}
	}
	const [a, b] = v4.split('.').map(Number);
	return (
		a === 127 ||
		a === 10 ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168) ||
		(a === 169 && b === 254) ||
		(a === 100 && b >= 64 && b <= 127)
	);
}

const sharedAddresses = new Set<string>();
let warned = false;

/**
 * Called for a request that carries X-Forwarded-For while ADDRESS_HEADER is not set: when the
 * direct peer is an internal address, it is a proxy every user shares. Logs one warning per
 * process and remembers the address as shared. Returns whether the peer counts as shared.
 */
export function noteForwardedRequest(peer: string): boolean {
	if (!isInternalAddress(peer)) return false;
	const key = addressKey(peer);
	if (sharedAddresses.has(key)) return true;
	sharedAddresses.add(key);
	if (!warned) {
		warned = true;
		log.warn('proxy.address_header_missing', {
			peer: key,
			hint: 'Requests arrive through a reverse proxy (X-Forwarded-For from an internal address) but ADDRESS_HEADER is not set: every user shares the proxy address. Set ADDRESS_HEADER (and XFF_DEPTH) to the header the proxy sets; until then address-wide throttles skip this address and only per-account limits apply.'
		});
	}
	return true;
}

/** Whether the address is a proxy every user shares (see `noteForwardedRequest`). */
export function isSharedAddress(address: string): boolean {
	return sharedAddresses.size > 0 && sharedAddresses.has(addressKey(address));
}

/** For tests: forget the shared addresses and the warning. */
export function forgetSharedAddresses(): void {
	sharedAddresses.clear();
	warned = false;
}
