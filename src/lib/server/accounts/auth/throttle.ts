// Throttling of failed attempts (sign-in, reset, two-factor) per key: a growing delay, never a
// permanent lock-out, so nobody can lock a victim out for good.
import { and, eq, lt, lte, sql, type SQL } from 'drizzle-orm';
import { addressKey, isSharedAddress } from '../../platform/client-address';
import { affected, db, first } from '../../db';
import { throttle } from '../../db/schema';
import { epochMs } from '../../db/prepared';
import { epochValue } from '../../db/sql';

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

/**
 * A throttle's counts live in the `throttle` table, so every application server sees the same
 * failures (two servers on one PostgreSQL database; one process on SQLite). Each failure is ONE
 * atomic upsert, so parallel requests on different servers cannot both slip through.
 */
export class Throttle {
	private readonly prefix: string;

	/** `name` keeps this throttle's keys apart from the other throttles' in the shared table. */
	constructor(
		name: string,
		private options: ThrottleOptions
	) {
		this.prefix = `${name}/`;
		longestForget = Math.max(longestForget, options.forgetAfterMs);
	}

	/** Milliseconds the caller must still wait, or 0 when an attempt is allowed now. */
	async retryAfter(key: string, now = Date.now()): Promise<number> {
		const row = await first(
			db
				.select({
					blockedUntil: epochMs(throttle.blockedUntil),
					lastFailure: epochMs(throttle.lastFailure)
				})
				.from(throttle)
				.where(eq(throttle.key, this.prefix + key))
		);
		if (!row) return 0;
		if (now - Math.round(Number(row.lastFailure)) > this.options.forgetAfterMs) return 0;
		return Math.max(0, Math.round(Number(row.blockedUntil)) - now);
	}

	/** Counts a failure; from the free attempts on, the wait doubles with each one. */
	async fail(key: string, now = Date.now()): Promise<void> {
		await this.upsert(key, now, 0);
	}

	/**
	 * Counts an attempt BEFORE the slow check it guards (reserve, then verify), so parallel
	 * requests cannot all pass the check while the first ones are still being verified. Returns
	 * 0 when the attempt may go ahead (it is already counted as a failure; call `reset` or
	 * `refund` when it turns out right), or the milliseconds to wait (nothing is counted).
	 */
	async reserve(key: string, now = Date.now()): Promise<number> {
		const counted = await this.upsert(key, now, 1);
		if (counted) return 0;
		return Math.max(1, await this.retryAfter(key, now));
	}

	/** Gives back one reserved attempt that turned out right (a shared address stays usable). */
	async refund(key: string): Promise<void> {
		const where = eq(throttle.key, this.prefix + key);
		await db
			.update(throttle)
			.set({
				failures: sql`${throttle.failures} - 1`,
				blockedUntil: sql`case when ${throttle.failures} - 1 < ${sql.raw(String(this.options.freeAttempts))} then ${epochValue(0)} else ${throttle.blockedUntil} end`
			})
			.where(where);
		await db.delete(throttle).where(and(where, lte(throttle.failures, 0)));
	}

	async reset(key: string): Promise<void> {
		await db.delete(throttle).where(eq(throttle.key, this.prefix + key));
	}

	/** Forgets every key that starts with the prefix (e.g. all addresses of one account). */
	async resetPrefix(prefix: string): Promise<void> {
		const whole = this.prefix + prefix;
		await db
			.delete(throttle)
			.where(sql`substr(${throttle.key}, 1, ${sql.raw(String([...whole].length))}) = ${whole}`);
	}

	/**
	 * The wait after the `failures`-th failure: none within the free attempts, then the base
	 * delay doubling up to the maximum. `ahead` is 1 for a reservation, which blocks one failure
	 * earlier (the reserved attempt already counts).
	 */
	private delayAfter(failures: number, ahead: 0 | 1): number {
		const step = failures - this.options.freeAttempts - 1 + ahead;
		if (step < 0) return 0;
		return Math.min(this.options.baseDelayMs * 2 ** step, this.options.maxDelayMs);
	}

	/**
	 * One statement: count a failure for `key` (starting afresh when the key was forgotten) and
	 * set its wait. With `ahead` (a reservation) nothing is counted while the key must wait.
	 * True when the failure was counted.
	 */
	private async upsert(key: string, now: number, ahead: 0 | 1): Promise<boolean> {
		const { freeAttempts, forgetAfterMs } = this.options;
		const forgotten = sql`${throttle.lastFailure} < ${epochValue(now - forgetAfterMs)}`;
		const failures = sql`(case when ${forgotten} then 1 else ${throttle.failures} + 1 end)`;
		// step = failures - free - 1 + ahead; the waits are listed until they reach the maximum.
		const whens: SQL[] = [];
		for (let step = 0; step < 64; step++) {
			const delay = this.delayAfter(freeAttempts + 1 - ahead + step, ahead);
			if (delay >= this.options.maxDelayMs) break;
			whens.push(sql` when ${sql.raw(String(step))} then ${epochValue(now + delay)}`);
		}
		const step = sql`${failures} - ${sql.raw(String(freeAttempts + 1 - ahead))}`;
		const blockedUntil = sql`(case when ${step} < 0 then ${throttle.blockedUntil} else case ${step}${sql.join(whens)} else ${epochValue(now + this.options.maxDelayMs)} end end)`;
		const rows = await db
			.insert(throttle)
			.values({
				key: this.prefix + key,
				failures: 1,
				blockedUntil: new Date(this.delayAfter(1, ahead) > 0 ? now + this.delayAfter(1, ahead) : 0),
				lastFailure: new Date(now)
			})
			.onConflictDoUpdate({
				target: throttle.key,
				set: { failures, blockedUntil, lastFailure: epochValue(now) },
				setWhere: ahead
					? sql`not (${throttle.blockedUntil} > ${epochValue(now)} and not ${forgotten})`
					: undefined
			})
			.returning({ failures: throttle.failures });
		return rows.length > 0;
	}
}

/** The longest forget-after of all throttles: rows quiet for longer are removed. */
let longestForget = 0;

/** Removes throttle rows nobody remembers any more (the retention job; also safe any time). */
export async function forgetOldThrottles(now = Date.now()): Promise<number> {
	return affected(
		await db.delete(throttle).where(lt(throttle.lastFailure, new Date(now - longestForget)))
	);
}

const minute = 60_000;

/**
 * Sign-in attempts per (account, address) pair and password checks per account: five tries,
 * then 1 s, 2 s, 4 s ... up to 15 minutes. Keyed by the pair for sign-in, so an attacker's
 * failures from one address never refuse the owner's right password from another.
 */
export const accountThrottle = new Throttle('account', {
	freeAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 15 * minute,
	forgetAfterMs: 24 * 60 * minute
});

/** Failed attempts per client address: more room (a school shares one address), same growth. */
export const addressThrottle = new Throttle('address', {
	freeAttempts: 100,
	baseDelayMs: 1000,
	// A whole school behind one address must not be locked out for long by one pupil's script;
	// each account keeps its own, stricter limit.
	maxDelayMs: minute,
	forgetAfterMs: 15 * minute
});

/** Requests for reset mails and invitations per address: an e-mail bomb stays small. */
export const mailRequestThrottle = new Throttle('mail-request', {
	freeAttempts: 5,
	baseDelayMs: 30_000,
	maxDelayMs: 60 * minute,
	forgetAfterMs: 6 * 60 * minute
});

/**
 * Sign-ups per client address, counted before any argon2 work: a school registering its staff
 * fits in the free attempts, a script gets a growing wait.
 */
export const registerThrottle = new Throttle('register', {
	freeAttempts: 50,
	baseDelayMs: 1000,
	maxDelayMs: 5 * minute,
	forgetAfterMs: 60 * minute
});

/** Wrong two-factor or recovery codes per account: three free tries, then 2 s, 4 s ... 15 min. */
export const twoFactorThrottle = new Throttle('two-factor', {
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
