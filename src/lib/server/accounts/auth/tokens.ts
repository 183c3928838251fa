// Random tokens and their SHA-256 digests: only digests of secrets are ever stored.
import { createHash, timingSafeEqual } from 'node:crypto';

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

// Node's own SHA-256 (OpenSSL): every signed-in request digests its session token, and the
// JavaScript implementation cost about 10 µs of that request's CPU.
export function digest(secret: string): Buffer {
	return createHash('sha256').update(secret, 'utf8').digest();
}

export function digestEquals(a: Uint8Array, b: Uint8Array): boolean {
	return a.length === b.length && timingSafeEqual(a, b);
}

export function isTokenShaped(value: string, length = 26): boolean {
	return value.length === length && [...value].every((c) => alphabet.includes(c));
}
