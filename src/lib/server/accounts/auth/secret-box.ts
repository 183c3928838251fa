// Encrypts small secrets at rest (TOTP keys) with AES-256-GCM. The key comes from TWO_FACTOR_KEY
// or from a key file beside the database, so a stolen database file or backup alone does not
// reveal anyone's second factor.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from '../../platform/config';
import { sqliteFileOf } from '../../db/engine';

const keyFileName = 'two-factor.key';
let cached: { source: string; key: Buffer } | undefined;

function loadKey(): Buffer {
	const fromEnv = config.twoFactorKey;
	const source = fromEnv ? 'env' : config.databaseUrl;
	if (cached && cached.source === source) return cached.key;
	let key: Buffer;
	if (fromEnv) {
		if (!/^[0-9a-fA-F]{64}$/.test(fromEnv)) {
			throw new Error('TWO_FACTOR_KEY must be 64 hexadecimal characters (32 bytes)');
		}
		key = Buffer.from(fromEnv, 'hex');
	} else if (config.databaseUrl === ':memory:') {
		key = crypto.randomBytes(32);
	} else {
		// Beside the SQLite file; on PostgreSQL (no local file) in DATA_DIR.
		const sqliteFile = sqliteFileOf(config.databaseUrl);
		const folder = sqliteFile ? path.dirname(path.resolve(sqliteFile)) : config.dataDir;
		const file = path.join(folder, keyFileName);
		if (!fs.existsSync(file)) {
			fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
			// 'wx': two processes starting at once never overwrite each other's key.
			try {
				fs.writeFileSync(file, crypto.randomBytes(32).toString('hex') + '\n', {
					mode: 0o600,
					flag: 'wx'
				});
			} catch (cause) {
				if ((cause as NodeJS.ErrnoException).code !== 'EEXIST') throw cause;
			}
		}
		key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
		if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
	}
	cached = { source, key };
	return key;
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
