// Two-factor sign-in with TOTP (RFC 6238, @oslojs/otp): enrolment with a QR code, the second
// step after the password, single-use recovery codes and throttled verification.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import QRCode from 'qrcode';
import { affected, db, transaction, first } from '../../db';
import { recoveryCode, session, twoFactor, type Session } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { reauthenticate } from './sudo';
import { invalidateUserSessions, rotateSession, type RotatedSession } from './session';
import { twoFactorThrottle } from './throttle';
import { digest, digestEquals, randomToken } from './tokens';
import { keyedDigest, open, seal } from './secret-box';

const period = 30;
const digits = 6;
const recoveryCount = 10;

export interface TwoFactorStatus {
	enabled: boolean;
	recoveryCodesLeft: number;
}

export async function getStatus(userId: number): Promise<TwoFactorStatus> {
	const row = await first(db.select().from(twoFactor).where(eq(twoFactor.userId, userId)));
	const left = await first(
		db
			.select({ n: sql<number>`count(*)`.mapWith(Number) })
			.from(recoveryCode)
			.where(and(eq(recoveryCode.userId, userId), isNull(recoveryCode.usedAt)))
	);
	return { enabled: !!row?.enabledAt, recoveryCodesLeft: left?.n ?? 0 };
}

export async function isEnabled(userId: number): Promise<boolean> {
	return (await getStatus(userId)).enabled;
}

export interface Enrolment {
	/** Base32 in groups of four, for typing into an authenticator app by hand. */
	secret: string;
	qrDataUrl: string;
}

/**
 * The key the user is enrolling with: a new one on the first visit, the same one on a reload
 * (so a scanned QR code keeps working). Null when two-factor is already on.
 */
export async function startEnrolment(userId: number, email: string): Promise<Enrolment | null> {
	const row = await first(db.select().from(twoFactor).where(eq(twoFactor.userId, userId)));
	if (row?.enabledAt) return null;
	let key = row ? open(row.keyEncrypted) : null;
	if (!key) {
		key = crypto.getRandomValues(new Uint8Array(20));
		await db
			.insert(twoFactor)
			.values({ userId, keyEncrypted: seal(key) })
			.onConflictDoUpdate({
				target: twoFactor.userId,
				set: { keyEncrypted: seal(key), enabledAt: null, lastCounter: null }
			});
	}
	const uri = createTOTPKeyURI('Signaalwijs', email, key, period, digits);
	const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, scale: 5 });
	const secret = encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, '$1 ');
	return { secret, qrDataUrl };
}

/** The accepted time step for `code`, or null. One step of clock drift either way is allowed. */
function matchCounter(key: Uint8Array, code: string, lastCounter: number | null): number | null {
	if (!/^[0-9]{6}$/.test(code)) return null;
	const current = Math.floor(Date.now() / 1000 / period);
	const given = new TextEncoder().encode(code);
	for (const counter of [current - 1, current, current + 1]) {
		if (lastCounter !== null && counter <= lastCounter) continue;
		const expected = new TextEncoder().encode(generateHOTP(key, BigInt(counter), digits));
		if (digestEquals(expected, given)) return counter;
	}
	return null;
}

export function normaliseCode(value: string): string {
	return value.replace(/[\s-]/g, '').toLowerCase();
}

export type CheckResult =
	| { ok: true }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMs: number };

type Failure = Exclude<CheckResult, { ok: true }>;

async function throttled(userId: number): Promise<Failure | null> {
	const wait = await twoFactorThrottle.retryAfter(`2fa:${userId}`);
	return wait > 0 ? { ok: false, reason: 'throttled', retryAfterMs: wait } : null;
}

async function failed(userId: number, action: string, requestId?: string): Promise<Failure> {
	await twoFactorThrottle.fail(`2fa:${userId}`);
	await recordAudit({ action, actorUserId: userId, requestId });
	return { ok: false, reason: 'invalid' };
}

/** Checks a TOTP code against the stored key, at most once per time step. */
async function acceptCode(userId: number, code: string, enabled: boolean): Promise<boolean> {
	const row = await first(db.select().from(twoFactor).where(eq(twoFactor.userId, userId)));
	if (!row || !!row.enabledAt !== enabled) return false;
	const key = open(row.keyEncrypted);
	if (!key) return false;
	const counter = matchCounter(key, normaliseCode(code), row.lastCounter);
	if (counter === null) return false;
	// Conditional update: two requests with the same code cannot both win.
	const claimed = await db
		.update(twoFactor)
		.set({ lastCounter: counter })
		.where(
			and(
				eq(twoFactor.userId, userId),
				row.lastCounter === null
					? isNull(twoFactor.lastCounter)
					: eq(twoFactor.lastCounter, row.lastCounter)
			)
		);
	return affected(claimed) === 1;
}

/** Characters of a recovery code: 16 from a 32-letter alphabet carry 80 bits (ASVS 2.6.2). */
export const recoveryCodeLength = 16;
/** Codes made before 80-bit codes: 10 characters (50 bits), stored as a plain SHA-256. */
const legacyRecoveryCodeLength = 10;

/**
 * What is stored for a recovery code: HMAC-SHA-256 under the server key (secret-box), so a copy
 * of the database alone cannot test guesses. Codes of the older 10-character kind were stored
 * as plain SHA-256 and keep working until used or renewed.
 */
export function recoveryCodeHash(code: string): Buffer {
	const normalised = normaliseCode(code);
	return normalised.length === legacyRecoveryCodeLength
		? digest(normalised)
		: keyedDigest('recovery-code', normalised);
}

async function newRecoveryCodes(userId: number): Promise<string[]> {
	const codes = Array.from({ length: recoveryCount }, () =>
		randomToken(recoveryCodeLength).replace(/(.{4})(?=.)/g, '$1-')
	);
	await transaction(async (tx) => {
		await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
		for (const code of codes) {
			await tx.insert(recoveryCode).values({ userId, codeHash: recoveryCodeHash(code) });
		}
	});
	return codes;
}

export async function markSessionVerified(sessionId: string): Promise<void> {
	await db.update(session).set({ twoFactorVerified: true }).where(eq(session.id, sessionId));
}

/**
 * Turns two-factor on once the user proves their app produces the right code. The session in
 * use counts as verified; every other session ends (it never passed the second factor).
 */
export async function confirmEnrolment(input: {
	userId: number;
	sessionId: string;
	code: string;
	requestId?: string;
}): Promise<{ ok: true; recoveryCodes: string[] } | Failure> {
	const wait = await throttled(input.userId);
	if (wait) return wait;
	if (!(await acceptCode(input.userId, input.code, false))) {
		return await failed(input.userId, 'two_factor.enrol_failed', input.requestId);
	}
	await twoFactorThrottle.reset(`2fa:${input.userId}`);
	await db
		.update(twoFactor)
		.set({ enabledAt: new Date() })
		.where(eq(twoFactor.userId, input.userId));
	const recoveryCodes = await newRecoveryCodes(input.userId);
	await markSessionVerified(input.sessionId);
	await invalidateUserSessions(input.userId, input.sessionId);
	await recordAudit({
		action: 'two_factor.enabled',
		actorUserId: input.userId,
		targetType: 'user',
		targetId: input.userId,
		requestId: input.requestId
	});
	return { ok: true, recoveryCodes };
}

export type SignInCheckResult = { ok: true; rotated: RotatedSession } | Failure;

/**
 * The second sign-in step: a TOTP code or a recovery code (each recovery code works once). On
 * success the waiting session is swapped for a new token (session fixation: the token that only
 * passed the password step never becomes a signed-in one); the caller sets the new cookie.
 */
export async function verifySignIn(input: {
	session: Session;
	code: string;
	kind: 'totp' | 'recovery';
	requestId?: string;
}): Promise<SignInCheckResult> {
	const userId = input.session.userId;
	const wait = await throttled(userId);
	if (wait) return wait;
	let ok: boolean;
	if (input.kind === 'totp') {
		ok = await acceptCode(userId, input.code, true);
	} else {
		const hash = recoveryCodeHash(input.code);
		ok =
			affected(
				await db
					.update(recoveryCode)
					.set({ usedAt: new Date() })
					.where(
						and(
							eq(recoveryCode.userId, userId),
							eq(recoveryCode.codeHash, hash),
							isNull(recoveryCode.usedAt)
						)
					)
			) === 1;
	}
	if (!ok) return await failed(userId, 'auth.second_factor_failed', input.requestId);
	await twoFactorThrottle.reset(`2fa:${userId}`);
	const rotated = await rotateSession(input.session, { twoFactorVerified: true });
	if (!rotated) return { ok: false, reason: 'invalid' };
	await recordAudit({
		action: input.kind === 'totp' ? 'auth.second_factor' : 'auth.recovery_code_used',
		actorUserId: userId,
		requestId: input.requestId
	});
	return { ok: true, rotated };
}

/** New recovery codes (the old ones stop working); shown to the user once. */
export async function regenerateRecoveryCodes(
	userId: number,
	requestId?: string
): Promise<string[] | null> {
	if (!(await isEnabled(userId))) return null;
	const codes = await newRecoveryCodes(userId);
	await recordAudit({
		action: 'two_factor.recovery_codes_renewed',
		actorUserId: userId,
		requestId
	});
	return codes;
}

/**
 * Turns two-factor off after the user re-enters their password: the password check is the sudo
 * check (throttled, counted before the slow hash) and opens sudo mode for this session.
 */
export async function disable(input: {
	userId: number;
	sessionId: string;
	password: string;
	requestId?: string;
}): Promise<boolean> {
	const again = await reauthenticate(input);
	if (!again.ok) return false;
	await removeTwoFactor(input.userId);
	await recordAudit({
		action: 'two_factor.disabled',
		actorUserId: input.userId,
		targetType: 'user',
		targetId: input.userId,
		requestId: input.requestId
	});
	return true;
}

/**
 * Removes the key and recovery codes (the user or an admin after a lost phone). The account's
 * sessions no longer count as verified by a second factor: without an own factor, a verified
 * session means a provider's multi-factor sign-in (guards.ts, mustEnrolTwoFactor).
 */
export async function removeTwoFactor(userId: number): Promise<void> {
	await transaction(async (tx) => {
		await tx.delete(twoFactor).where(eq(twoFactor.userId, userId));
		await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
		await tx.update(session).set({ twoFactorVerified: false }).where(eq(session.userId, userId));
	});
}
