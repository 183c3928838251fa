// Encrypts small secrets at rest (TOTP keys) with AES-256-GCM. The key comes from TWO_FACTOR_KEY,
// from the file named by TWO_FACTOR_KEY_FILE or (SQLite only) from a key file beside the
// database, so a stolen database file or backup alone does not reveal anyone's second factor.
// On PostgreSQL the key is never kept in the database: every server must be given it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../platform/config';
import { filesBesideDatabase } from '../../db/server-key';
import { createFileOnce } from '../../platform/file-modes';

const keyFileName = 'two-factor.key';
let cached: { source: string; key: Buffer } | undefined;

/** The server cannot run with this configuration; the message says what to set. */
export class ConfigurationError extends Error {}

function hexKey(text: string, origin: string): Buffer {
	if (!/^[0-9a-fA-F]{64}$/.test(text.trim())) {
		throw new ConfigurationError(`${origin} must be 64 hexadecimal characters (32 bytes)`);
	}
	return Buffer.from(text.trim(), 'hex');
}

function loadKey(): Buffer {
	const fromEnv = config.twoFactorKey;
	const fromFile = config.twoFactorKeyFile;
	const source = fromEnv ? 'env' : fromFile ? `file:${fromFile}` : config.databaseUrl;
	if (cached && cached.source === source) return cached.key;
	let key: Buffer;
	if (fromEnv) {
		key = hexKey(fromEnv, 'TWO_FACTOR_KEY');
	} else if (fromFile) {
		let text: string;
		try {
			text = fs.readFileSync(fromFile, 'utf8');
		} catch (cause) {
			throw new ConfigurationError(
				`TWO_FACTOR_KEY_FILE ${fromFile} cannot be read: ${(cause as Error).message}`
			);
		}
		key = hexKey(text, `The file ${fromFile} (TWO_FACTOR_KEY_FILE)`);
	} else if (config.databaseUrl === ':memory:') {
		key = crypto.randomBytes(32);
	} else if (!filesBesideDatabase) {
		throw new ConfigurationError(
			'On PostgreSQL every server needs the same two-factor key, and it is never stored in the ' +
				'database it protects: set TWO_FACTOR_KEY (64 hexadecimal characters, e.g. from ' +
				'`openssl rand -hex 32`) or TWO_FACTOR_KEY_FILE (a file holding them) on every server.'
		);
	} else {
		const file = path.join(path.dirname(path.resolve(config.databaseUrl)), keyFileName);
		// Two processes starting at once: one key, and neither reads it half written (with a
		// plain exclusive create the other could read the file before the key was in it).
		createFileOnce(file, crypto.randomBytes(32).toString('hex') + '\n');
		key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
		if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
	}
	cached = { source, key };
	return key;
}

/** Fails at start-up (not at the first sign-in) when the two-factor key is missing or broken. */
export function checkTwoFactorKey(): void {
	loadKey();
}

export function seal(plain: Uint8Array): string {
	const iv = crypto.randomBytes(12);
	const cipher = crypto.createCipheriv('aes-256-gcm', loadKey(), iv);
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The plain bytes, or null when the text was not sealed with the current key. */
export function open(sealed: string): Uint8Array | null {
	if (!sealed.startsWith('v1.')) return null;
	const raw = Buffer.from(sealed.slice(3), 'base64');
	if (raw.length < 29) return null;
	try {
		const decipher = crypto.createDecipheriv('aes-256-gcm', loadKey(), raw.subarray(0, 12));
		decipher.setAuthTag(raw.subarray(12, 28));
		return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
	} catch {
		return null;
	}
}

/**
 * HMAC-SHA-256 of `value` under the server key, for secrets that must be looked up but never
 * stored in a form a stolen database alone can test guesses against (recovery codes). `purpose`
 * separates the uses of the one key.
 */
export function keyedDigest(purpose: string, value: string): Buffer {
	return crypto.createHmac('sha256', loadKey()).update(`${purpose}\u0000${value}`).digest();
}
