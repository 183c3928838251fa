import { describe, expect, it } from 'vitest';
import { match } from './id';
import { idField, isId } from '$lib/schemas/fields';

describe('the id pattern', () => {
	it('admits positive ids of up to ten digits, in routes and in forms alike', () => {
		for (const good of ['1', '42', '9999999999']) {
			expect(match(good)).toBe(true);
			expect(idField.parse(good)).toBe(Number(good));
			expect(isId(good)).toBe(true);
		}
	});

	it('refuses zero, signs, decimals, padding, injections and 11-digit numbers', () => {
		for (const bad of ['0', '-1', '01', '1.0', ' 1', '1 OR 1=1', '12345678901', '', '1e3']) {
			expect(match(bad)).toBe(false);
			expect(idField.safeParse(bad).success).toBe(false);
			expect(isId(bad)).toBe(false);
		}
	});
});
