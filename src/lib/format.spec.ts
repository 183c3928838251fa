import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
	it('writes a date as people in Flanders read it, in Belgian time', () => {
		expect(formatDate(new Date('2028-05-03T10:00:00Z'))).toBe('3 mei 2028');
		// 23:30 UTC on 2 May is already 3 May in Brussels (summer time).
		expect(formatDate('2028-05-02T23:30:00Z')).toBe('3 mei 2028');
		expect(formatDate(Date.parse('2028-12-31T22:59:00Z'))).toBe('31 december 2028');
		expect(formatDate(Date.parse('2028-12-31T23:00:00Z'))).toBe('1 januari 2029');
	});

	it('gives each moment its own text, also after many different dates', () => {
		const day = 24 * 60 * 60 * 1000;
		const start = Date.parse('2027-01-01T12:00:00Z');
		for (let i = 0; i < 1200; i++) formatDate(start + i * day);
		expect(formatDate(start)).toBe('1 januari 2027');
		expect(formatDate(new Date(start + day))).toBe('2 januari 2027');
		expect(formatDate(start + 1199 * day)).toBe('14 april 2030');
	});

	it('refuses what is not a date, as before', () => {
		expect(() => formatDate('geen datum')).toThrow(RangeError);
	});
});
