// Password hashing (argon2id) and the password policy: length, not composition (NIST 800-63B).
import { hash, verify } from '@node-rs/argon2';
import { commonPasswords, platformName } from './common-passwords';
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

/** Every prefix of `value` that, repeated, makes up the whole of it (including `value`). */
function repeatingUnits(value: string): string[] {
	const units: string[] = [];
	for (let size = 1; size <= value.length; size++) {
		if (value.length % size !== 0) continue;
		const unit = value.slice(0, size);
		if (unit.repeat(value.length / size) === value) units.push(unit);
	}
	return units;
}

/** Context words that make a password guessable for this person (name, address, organisation). */
function contextWords(context: PasswordContext): string[] {
	const words = [context.name, context.organisation, context.email?.split('@')[0]]
		.filter((w): w is string => !!w)
		.flatMap((w) => [lettersOf(w), ...w.split(/[\s@._-]+/).map(lettersOf)])
		.filter((w) => w.length >= 4);
	return [...new Set(words)];
}

/** The part of the address before the @, lower-cased, when it is long enough to matter. */
function localPart(email: string | undefined): string | null {
	const local = email?.split('@')[0]?.trim().toLowerCase() ?? '';
	return [...local].length >= 4 ? local : null;
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
	// The platform's name, in any case and with anything around it ("MijnSignaalwijs!2026").
	if (lower.includes(platformName) || letters.includes(platformName)) {
		return messages.password.platform;
	}
	// The address itself or its letters ("lotte.janssens" in "lotte.janssens-2026!").
	const local = localPart(context.email);
	const localLetters = local ? lettersOf(local) : '';
	if (
		(local && lower.includes(local)) ||
		(localLetters.length >= 4 && letters.includes(localLetters))
	) {
		return messages.password.personal;
	}
	if (
		letters.length === 0 &&
		('01234567890123456789'.includes(digits) || '98765432109876543210'.includes(digits))
	) {
		return messages.password.common;
	}
	if (commonPasswords.has(lower)) return messages.password.common;
	// "Wachtwoord123!" and "Sint-Jansschool2024": a guessable word with only digits or signs added,
	// or repeated ("dragondragon").
	const personal = contextWords(context);
	for (const unit of repeatingUnits(letters)) {
		if (unit.length < 4) continue;
		if (personal.includes(unit)) return messages.password.personal;
		if (commonPasswords.has(unit)) return messages.password.common;
	}
	return null;
}
