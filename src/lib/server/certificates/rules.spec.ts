import { describe, expect, it } from 'vitest';
import {
	addMonths,
	certificateStatus,
	dueReminder,
	formatCode,
	isRenewable,
	normaliseCode,
	refresherDeadline,
	refresherWindow,
	renewedExpiry
} from './rules';

const d = (iso: string) => new Date(iso);
const rule = { opensDaysBefore: 60, graceDays: 90 };

describe('codes', () => {
	it('groups a code by four for reading aloud and reads typed codes back', () => {
		const code = 'abcdefghijkmnpqrstuvwxyz2345';
		expect(formatCode(code)).toBe('ABCD-EFGH-IJKM-NPQR-STUV-WXYZ-2345');
		expect(normaliseCode('ABCD-EFGH-IJKM-NPQR-STUV-WXYZ-2345')).toBe(code);
		expect(normaliseCode(' abcd efgh ijkm npqr stuv wxyz 2345 ')).toBe(code);
	});
});

describe('addMonths', () => {
	it('keeps the day and time, and clamps to the end of shorter months', () => {
		expect(addMonths(d('2026-03-15T09:30:00Z'), 24).toISOString()).toBe('2028-03-15T09:30:00.000Z');
		expect(addMonths(d('2026-01-31T10:00:00Z'), 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
		expect(addMonths(d('2028-02-29T10:00:00Z'), 12).toISOString()).toBe('2029-02-28T10:00:00.000Z');
		expect(addMonths(d('2026-11-30T10:00:00Z'), 3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
	});
});

describe('certificateStatus', () => {
	const expiresAt = d('2028-03-15T09:00:00Z');
	const base = { expiresAt, revokedAt: null, renewed: false };
	it('goes from geldig to verloopt binnenkort to verlopen', () => {
		expect(certificateStatus(base, d('2027-12-01T00:00:00Z'))).toBe('valid');
		expect(certificateStatus(base, d('2028-02-20T00:00:00Z'))).toBe('expiring');
		expect(certificateStatus(base, d('2028-01-20T00:00:00Z'), 60)).toBe('expiring');
		expect(certificateStatus(base, expiresAt)).toBe('expired');
	});
	it('revocation and renewal win over the dates', () => {
		expect(
			certificateStatus(
				{ ...base, revokedAt: d('2027-01-01T00:00:00Z') },
				d('2027-02-01T00:00:00Z')
			)
		).toBe('revoked');
		expect(
			certificateStatus(
				{ ...base, revokedAt: d('2027-01-01T00:00:00Z'), renewed: true },
				d('2027-02-01T00:00:00Z')
			)
		).toBe('revoked');
		expect(certificateStatus({ ...base, renewed: true }, d('2029-01-01T00:00:00Z'))).toBe(
			'renewed'
		);
	});
});

describe('refresher window', () => {
	const expiresAt = d('2028-03-15T09:00:00Z');
	const cert = { expiresAt, revokedAt: null, renewed: false };
	it('opens 60 days before expiry and closes 90 days after', () => {
		const w = refresherWindow(expiresAt, rule);
		expect(w.opensAt.toISOString()).toBe('2028-01-15T09:00:00.000Z');
		expect(w.closesAt.toISOString()).toBe('2028-06-13T09:00:00.000Z');
		expect(isRenewable(cert, rule, d('2028-01-15T08:59:59Z'))).toBe(false);
		expect(isRenewable(cert, rule, d('2028-01-15T09:00:00Z'))).toBe(true);
		expect(isRenewable(cert, rule, d('2028-05-01T00:00:00Z'))).toBe(true);
		expect(isRenewable(cert, rule, d('2028-06-13T09:00:00Z'))).toBe(false);
	});
	it('never renews a revoked or already renewed certificate, or one without a refresher', () => {
		const now = d('2028-03-01T00:00:00Z');
		expect(isRenewable({ ...cert, revokedAt: d('2027-01-01') }, rule, now)).toBe(false);
		expect(isRenewable({ ...cert, renewed: true }, rule, now)).toBe(false);
		expect(isRenewable(cert, undefined, now)).toBe(false);
	});
	it('names the expiry as deadline, then the end of the grace period', () => {
		expect(refresherDeadline(expiresAt, rule, d('2028-02-01T00:00:00Z'))).toEqual(expiresAt);
		expect(refresherDeadline(expiresAt, rule, d('2028-04-01T00:00:00Z')).toISOString()).toBe(
			'2028-06-13T09:00:00.000Z'
		);
	});
	it('counts the new validity from the old expiry when early, from now in the grace period', () => {
		expect(renewedExpiry(expiresAt, 24, d('2028-02-01T00:00:00Z')).toISOString()).toBe(
			'2030-03-15T09:00:00.000Z'
		);
		expect(renewedExpiry(expiresAt, 24, d('2028-04-02T12:00:00Z')).toISOString()).toBe(
			'2030-04-02T12:00:00.000Z'
		);
	});
});

describe('dueReminder', () => {
	// Expires on 15 March 2028 at 10:00 Belgian time (09:00 UTC).
	const expiresAt = d('2028-03-15T09:00:00Z');
	it('names the one reminder due at each moment', () => {
		expect(dueReminder(expiresAt, d('2028-02-13T08:00:00Z'))).toBeNull();
		expect(dueReminder(expiresAt, d('2028-02-14T09:00:00Z'))).toBe('d30');
		expect(dueReminder(expiresAt, d('2028-03-07T09:00:00Z'))).toBe('d30');
		expect(dueReminder(expiresAt, d('2028-03-08T09:00:00Z'))).toBe('d7');
		expect(dueReminder(expiresAt, d('2028-03-14T22:59:00Z'))).toBe('d7');
		// Midnight in Brussels (UTC+1 in March): the day of expiry has begun.
		expect(dueReminder(expiresAt, d('2028-03-14T23:00:00Z'))).toBe('d0');
		expect(dueReminder(expiresAt, d('2028-03-15T12:00:00Z'))).toBe('d0');
		expect(dueReminder(expiresAt, d('2028-03-21T12:00:00Z'))).toBe('d0');
		expect(dueReminder(expiresAt, d('2028-03-22T09:00:00Z'))).toBeNull();
	});
});
