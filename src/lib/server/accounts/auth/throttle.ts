// Throttling of failed attempts (sign-in, reset, two-factor) per key: a growing delay, never a
// permanent lock-out, so nobody can lock a victim out for good.
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

	reset(key: string): void {
		this.entries.delete(key);
	}

	private prune(now: number): void {
		for (const [key, entry] of this.entries) {
			if (now - entry.lastFailure > this.options.forgetAfterMs) this.entries.delete(key);
		}
	}
}

const minute = 60_000;

/** Failed sign-ins per account: five free tries, then 1 s, 2 s, 4 s ... up to 15 minutes. */
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

/** Wrong two-factor or recovery codes per account: three free tries, then 2 s, 4 s ... 15 min. */
export const twoFactorThrottle = new Throttle({
	freeAttempts: 3,
	baseDelayMs: 2000,
	maxDelayMs: 15 * minute,
	forgetAfterMs: 24 * 60 * minute
});
