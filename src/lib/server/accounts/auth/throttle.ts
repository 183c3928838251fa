// Throttling of failed attempts (sign-in, reset, two-factor) per key: a growing delay, never a
// permanent lock-out, so nobody can lock a victim out for good.
import { addressKey, isSharedAddress } from '../../platform/client-address';

/**
 * The key of an address-wide limit (`login-ip`, `register-ip`, `reset-ip`, certificate
 * verification), or null when the address is a reverse proxy every user shares (ADDRESS_HEADER
 * missing, see platform/client-address.ts): one person must not trip such a limit for everybody
 * behind the proxy, so the caller skips it and only the per-account limits apply. IPv6
 * addresses count by /64 prefix, IPv4-mapped IPv6 as IPv4.
 */
export function addressWideKey(prefix: string, address: string): string | null {
	return isSharedAddress(address) ? null : `${prefix}:${addressKey(address)}`;
}

/** The address part of a per-(account, address) key: /64 for IPv6, mapped IPv6 as IPv4. */
export { addressKey };
export interface ThrottleOptions {
	/** Failures allowed before any delay. */
	freeAttempts: number;
	/** First delay in ms; it doubles with each further failure. */
	baseDelayMs: number;
	/** The delay never grows beyond this. */
	maxDelayMs: number;
	/** A key without failures for this long is forgotten. */
	forgetAfterMs: number;
}

interface Entry {
	failures: number;
	blockedUntil: number;
	lastFailure: number;
}

export class Throttle {
	private entries = new Map<string, Entry>();

	constructor(private options: ThrottleOptions) {}

	/** Milliseconds the caller must still wait, or 0 when an attempt is allowed now. */
	retryAfter(key: string, now = Date.now()): number {
		const entry = this.entries.get(key);
		if (!entry) return 0;
		if (now - entry.lastFailure > this.options.forgetAfterMs) {
			this.entries.delete(key);
			return 0;
		}
		return Math.max(0, entry.blockedUntil - now);
	}

	fail(key: string, now = Date.now()): void {
		const entry = this.entries.get(key) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
		entry.failures += 1;
		entry.lastFailure = now;
		const over = entry.failures - this.options.freeAttempts;
		if (over > 0) {
			const delay = Math.min(this.options.baseDelayMs * 2 ** (over - 1), this.options.maxDelayMs);
			entry.blockedUntil = now + delay;
		}
		this.entries.set(key, entry);
		if (this.entries.size > 50_000) this.prune(now);
	}

	/**
	 * Counts an attempt BEFORE the slow check it guards (reserve, then verify), so parallel
	 * requests cannot all pass the check while the first ones are still being verified. Returns
	 * 0 when the attempt may go ahead (it is already counted as a failure; call `reset` or
	 * `refund` when it turns out right), or the milliseconds to wait (nothing is counted).
	 */
	reserve(key: string, now = Date.now()): number {
		const wait = this.retryAfter(key, now);
		if (wait > 0) return wait;
		const entry = this.entries.get(key) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
		entry.failures += 1;
		entry.lastFailure = now;
		const over = entry.failures - this.options.freeAttempts;
		if (over >= 0) {
			entry.blockedUntil =
				now + Math.min(this.options.baseDelayMs * 2 ** over, this.options.maxDelayMs);
		}
		this.entries.set(key, entry);
		if (this.entries.size > 50_000) this.prune(now);
		return 0;
	}

	/** Gives back one reserved attempt that turned out right (a shared address stays usable). */
	refund(key: string): void {
		const entry = this.entries.get(key);
		if (!entry) return;
		entry.failures -= 1;
		if (entry.failures <= 0) this.entries.delete(key);
		else if (entry.failures < this.options.freeAttempts) entry.blockedUntil = 0;
	}

	reset(key: string): void {
		this.entries.delete(key);
	}

	/** Forgets every key that starts with the prefix (e.g. all addresses of one account). */
	resetPrefix(prefix: string): void {
		for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
	}

	private prune(now: number): void {
		for (const [key, entry] of this.entries) {
			if (now - entry.lastFailure > this.options.forgetAfterMs) this.entries.delete(key);
		}
	}
}

const minute = 60_000;

/**
 * Sign-in attempts per (account, address) pair and password checks per account: five tries,
 * then 1 s, 2 s, 4 s ... up to 15 minutes. Keyed by the pair for sign-in, so an attacker's
 * failures from one address never refuse the owner's right password from another.
 */
export const accountThrottle = new Throttle({
	freeAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 15 * minute,
	forgetAfterMs: 24 * 60 * minute
});

/** Failed attempts per client address: more room (a school shares one address), same growth. */
export const addressThrottle = new Throttle({
	freeAttempts: 100,
	baseDelayMs: 1000,
	// A whole school behind one address must not be locked out for long by one pupil's script;
	// each account keeps its own, stricter limit.
	maxDelayMs: minute,
	forgetAfterMs: 15 * minute
});

/** Requests for reset mails and invitations per address: an e-mail bomb stays small. */
export const mailRequestThrottle = new Throttle({
	freeAttempts: 5,
	baseDelayMs: 30_000,
	maxDelayMs: 60 * minute,
	forgetAfterMs: 6 * 60 * minute
});

/**
 * Sign-ups per client address, counted before any argon2 work: a school registering its staff
 * fits in the free attempts, a script gets a growing wait.
 */
export const registerThrottle = new Throttle({
	freeAttempts: 50,
	baseDelayMs: 1000,
	maxDelayMs: 5 * minute,
	forgetAfterMs: 60 * minute
});

/** Wrong two-factor or recovery codes per account: three free tries, then 2 s, 4 s ... 15 min. */
export const twoFactorThrottle = new Throttle({
	freeAttempts: 3,
	baseDelayMs: 2000,
	maxDelayMs: 15 * minute,
	forgetAfterMs: 24 * 60 * minute
});

/**
 * Remembers which keys already wrote a "throttled" audit row in the current window, so a
 * flood of throttled attempts writes one row per key per window, not one per request.
 */
export class OncePerWindow {
	private seen = new Map<string, { at: number; suppressed: number }>();

	constructor(private windowMs: number) {}

	firstInWindow(key: string, now = Date.now()): boolean {
		return this.hit(key, now) !== null;
	}

	/**
	 * null when this key already had its row in the current window (the refusal is counted);
	 * otherwise the number of refusals that were counted without a row since the key's last row,
	 * to be written in the new row.
	 */
	hit(key: string, now = Date.now()): number | null {
		const entry = this.seen.get(key);
		if (entry && now - entry.at < this.windowMs) {
			entry.suppressed += 1;
			return null;
		}
		this.seen.set(key, { at: now, suppressed: 0 });
		if (this.seen.size > 50_000) {
			for (const [k, e] of this.seen) if (now - e.at >= this.windowMs) this.seen.delete(k);
		}
		return entry?.suppressed ?? 0;
	}
}

/** One `auth.sign_in_throttled` audit row per key per 15 minutes. */
export const throttleAudit = new OncePerWindow(15 * minute);
