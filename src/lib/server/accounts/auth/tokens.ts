// Random tokens and their SHA-256 digests: only digests of secrets are ever stored.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';

// 32 characters without look-alikes (no l, o, 0, 1): 5 bits per character.
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A random string of `length` characters carrying 5 bits each (26 characters: 130 bits). */
export function randomToken(length = 26): string {
	const bytes = new Uint8Array(length);
	crypto.getRandomValues(bytes);
	let out = '';
	for (const byte of bytes) out += alphabet[byte >> 3];
	return out;
}

export function digest(secret: string): Buffer {
	return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

export function digestEquals(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && constantTimeEqual(a, b);
}

export function isTokenShaped(value: string, length = 26): boolean {
	return value.length === length && [...value].every((c) => alphabet.includes(c));
}
