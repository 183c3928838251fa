// Password hashing (argon2id) and the password policy: length, not composition (NIST 800-63B).
import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords';
import { messages } from '$lib/i18n';

// OWASP minimum for argon2id; @node-rs/argon2 uses argon2id by default.
const params = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const minLength = 12;
export const maxLength = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, params);
}

let decoy: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. Without a hash (unknown address) it verifies
 * against a decoy, so a wrong address costs as much time as a wrong password.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
	if (!stored) {
		decoy ??= hashPassword('decoy password that matches nothing');
		await verify(await decoy, password).catch(() => false);
		return false;
	}
	try {
		return await verify(stored, password);
	} catch {
		return false;
	}
}

function lettersOf(value: string): string {
	return value
		.normalize('NFKD')
		.toLowerCase()
		.replace(/[^a-z]/g, '');
}

function isRepetition(value: string, unit: string): boolean {
	return (
		unit.length > 0 &&
		value.length % unit.length === 0 &&
		unit.repeat(value.length / unit.length) === value
	);
}

/** Context words that make a password guessable for this person (name, address, organisation). */
function contextWords(context: PasswordContext): string[] {
	const words = [context.name, context.organisation, context.email?.split('@')[0]]
		.filter((w): w is string => !!w)
		.flatMap((w) => [lettersOf(w), ...w.split(/[\s@._-]+/).map(lettersOf)])
		.filter((w) => w.length >= 4);
	return [...new Set(words)];
}

export interface PasswordContext {
	email?: string;
	name?: string;
	organisation?: string;
}

/** Returns a Dutch message explaining why the password is refused, or null when it is fine. */
export function checkPasswordPolicy(
	password: string,
	context: PasswordContext = {}
): string | null {
	const length = [...password].length;
	if (length < minLength) return messages.password.tooShort(minLength);
	if (length > maxLength) return messages.password.tooLong(maxLength);
	if (new Set(password).size < 4) return messages.password.common;
	const lower = password.toLowerCase();
	const letters = lettersOf(password);
	const digits = password.replace(/\D/g, '');
	if (
		letters.length === 0 &&
		('01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits))
	) {
		return messages.password.common;
	}
	if (commonPasswords.has(lower)) return messages.password.common;
	for (const word of [...commonPasswords, ...contextWords(context)]) {
		// "Wachtwoord123!" and "Sint-Jansschool2024": a guessable word with only digits or signs added.
		if (word.length >= 4 && (letters === word || isRepetition(letters, word))) {
			return contextWords(context).includes(word)
				? messages.password.personal
				: messages.password.common;
		}
	}
	return null;
}
