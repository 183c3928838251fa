import { describe, expect, it } from 'vitest';
import { digest, digestEquals, randomToken } from './tokens';

describe('token digests', () => {
	it('are SHA-256 of the UTF-8 text, so digests stored before still match', () => {
		// FIPS 180-2 test vector, and a token with a character outside ASCII.
		expect(digest('abc').toString('hex')).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
		);
		expect(digest('é').toString('hex')).toBe(
			'4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c'
		);
	});

	it('compare equal only for the same digest', () => {
		const token = randomToken();
		expect(digestEquals(digest(token), digest(token))).toBe(true);
		expect(digestEquals(digest(token), digest(token + 'x'))).toBe(false);
		expect(digestEquals(digest(token), digest(token).subarray(0, 16))).toBe(false);
	});
});
