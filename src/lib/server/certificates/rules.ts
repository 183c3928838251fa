// Pure rules for certificates: codes, expiry dates, statuses, the refresher window and which
// reminder is due. No I/O, so every rule is unit-tested with plain dates.

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Verification codes: 28 characters of 5 bits (140 bits), shown as 7 groups of 4. */
export const CODE_LENGTH = 28;
const CODE_GROUP = 4;

/** "abcdefgh..." → "ABCD-EFGH-...": easy to read aloud or over the phone. */
export function formatCode(code: string): string {
	const groups: string[] = [];
	for (let i = 0; i < code.length; i += CODE_GROUP) groups.push(code.slice(i, i + CODE_GROUP));
	return groups.join('-').toUpperCase();
}

/** What someone typed or read aloud ("abcd efgh", "ABCD-EFGH") back to the stored form. */
export function normaliseCode(input: string): string {
	return input.replace(/[\s-]+/g, '').toLowerCase();
}

/**
 * `months` calendar months later, at the same time of day. A day that does not exist in the
 * target month falls back to the month's last day (31 January + 1 month = 28/29 February), so a
 * certificate never silently gains days.
 */
export function addMonths(date: Date, months: number): Date {
	const result = new Date(date.getTime());
	const day = result.getUTCDate();
	result.setUTCDate(1);
	result.setUTCMonth(result.getUTCMonth() + months);
	const lastDay = new Date(
		Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)
	).getUTCDate();
	result.setUTCDate(Math.min(day, lastDay));
	return result;
}

export function addDays(date: Date, days: number): Date {
	return new Date(date.getTime() + days * DAY_MS);
}

export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'revoked' | 'renewed';

/** How many days before expiry a certificate counts as "verloopt binnenkort" by default. */
export const SOON_DAYS = 30;

export interface StatusInput {
	expiresAt: Date;
	revokedAt: Date | null;
	/** True when a newer certificate names this one in renewed_from. */
	renewed: boolean;
}

/**
 * One status per certificate. Revocation wins over everything (a revoked certificate was never
 * valid proof); a renewed one is history; then the dates decide. `soonDays` is the module's
 * refresher window when it has one, so "verloopt binnenkort" appears exactly when the learner
 * can act on it.
 */
export function certificateStatus(
	cert: StatusInput,
	now: Date,
	soonDays = SOON_DAYS
): CertificateStatus {
	if (cert.revokedAt) return 'revoked';
	if (cert.renewed) return 'renewed';
	if (now.getTime() >= cert.expiresAt.getTime()) return 'expired';
	if (now.getTime() >= cert.expiresAt.getTime() - soonDays * DAY_MS) return 'expiring';
	return 'valid';
}

export interface RefresherRule {
	opensDaysBefore: number;
	graceDays: number;
}

export interface RefresherWindow {
	opensAt: Date;
	/** The last moment the refresher still renews; after it only the full module does. */
	closesAt: Date;
}

/**
 * The refresher renews a certificate from `opensDaysBefore` days before its expiry until
 * `graceDays` after it. After the grace period the learner takes the full module again.
 */
export function refresherWindow(expiresAt: Date, rule: RefresherRule): RefresherWindow {
	return {
		opensAt: addDays(expiresAt, -rule.opensDaysBefore),
		closesAt: addDays(expiresAt, rule.graceDays)
	};
}

export function isRenewable(
	cert: StatusInput,
	rule: RefresherRule | undefined,
	now: Date
): boolean {
	if (!rule || cert.revokedAt || cert.renewed) return false;
	const window = refresherWindow(cert.expiresAt, rule);
	return now.getTime() >= window.opensAt.getTime() && now.getTime() < window.closesAt.getTime();
}

/**
 * "Opfrissing nodig vóór": the expiry date while the certificate is still valid, the end of the
 * grace period once it has expired.
 */
export function refresherDeadline(expiresAt: Date, rule: RefresherRule, now: Date): Date {
	return now.getTime() < expiresAt.getTime()
		? expiresAt
		: refresherWindow(expiresAt, rule).closesAt;
}

/**
 * The new expiry when the refresher renews a certificate: validity counts from the old expiry
 * when renewed early (nobody loses the days they renewed ahead), from now when renewed in the
 * grace period.
 */
export function renewedExpiry(oldExpiresAt: Date, validityMonths: number, now: Date): Date {
	const start = now.getTime() > oldExpiresAt.getTime() ? now : oldExpiresAt;
	return addMonths(start, validityMonths);
}

export const REMINDER_KINDS = ['d30', 'd7', 'd0'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** A reminder for a day of expiry is still sent up to this many days late (a job that missed a run). */
export const LATE_REMINDER_DAYS = 7;

const brusselsDay = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Brussels',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar day in Belgium, as YYYY-MM-DD (sortable as text). */
export function belgianDay(date: Date): string {
	return brusselsDay.format(date);
}

/**
 * Which reminder is due now for a certificate expiring at `expiresAt`, or null. The windows do
 * not overlap, so a job that runs daily sends each one once: 30 days before (until 7 days
 * before), 7 days before (until the day of expiry) and on the Belgian calendar day of expiry
 * (or up to a week late, when the job did not run that day).
 */
export function dueReminder(expiresAt: Date, now: Date): ReminderKind | null {
	const t = now.getTime();
	const e = expiresAt.getTime();
	if (t >= e + LATE_REMINDER_DAYS * DAY_MS) return null;
	if (belgianDay(now) >= belgianDay(expiresAt)) return 'd0';
	if (t >= e - 7 * DAY_MS) return 'd7';
	if (t >= e - 30 * DAY_MS) return 'd30';
	return null;
}
