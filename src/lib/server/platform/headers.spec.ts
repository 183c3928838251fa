import { describe, expect, it } from 'vitest';
import { applySecurityHeaders, hsts } from './headers';

describe('security headers', () => {
	it('sets nosniff, referrer, permissions and framing headers on every response', () => {
		const headers = new Headers();
		applySecurityHeaders(headers, { production: false, https: false, noStore: false });
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('permissions-policy')).toContain('camera=()');
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('strict-transport-security')).toBeNull();
		expect(headers.get('cache-control')).toBeNull();
	});

	it('adds HSTS only in production over HTTPS', () => {
		for (const [production, https, expected] of [
			[true, true, hsts],
			[true, false, null],
			[false, true, null]
		] as const) {
			const headers = new Headers();
			applySecurityHeaders(headers, { production, https, noStore: false });
			expect(headers.get('strict-transport-security')).toBe(expected);
		}
	});

	it('keeps a stricter referrer policy a page chose and marks private pages no-store', () => {
		const headers = new Headers({ 'referrer-policy': 'no-referrer' });
		applySecurityHeaders(headers, { production: true, https: true, noStore: true });
		expect(headers.get('referrer-policy')).toBe('no-referrer');
		expect(headers.get('cache-control')).toBe('no-store');
	});
});
