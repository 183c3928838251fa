// The tool's own LTI signing key (RS256, as LTI 1.3 requires), separate from the Open Badges key.
// Made on first use and kept in the data folder; its public half is published at /lti/jwks.json.
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { config } from '../platform/config';
import { log } from '../platform/log';

export const LTI_KEY_FILE = 'lti-rs256.jwk.json';
export const LTI_ALG = 'RS256';

export interface ToolKey {
	kid: string;
	privateKey: CryptoKey;
	publicJwk: JWK;
}

let cached: { dir: string; key: Promise<ToolKey> } | undefined;

/** The tool's key, created in the data folder the first time. Safe when two processes start. */
export function toolKey(): Promise<ToolKey> {
	const dir = config.dataDir;
	if (!cached || cached.dir !== dir) cached = { dir, key: loadOrCreate(dir) };
	return cached.key;
}

async function loadOrCreate(dir: string): Promise<ToolKey> {
	const file = path.join(dir, LTI_KEY_FILE);
	if (!fs.existsSync(file)) {
		fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
		const { privateKey } = await generateKeyPair(LTI_ALG, {
			modulusLength: 2048,
			extractable: true
		});
		const jwk = await exportJWK(privateKey);
		const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
		fs.writeFileSync(temp, JSON.stringify({ ...jwk, alg: LTI_ALG }), { mode: 0o600 });
		try {
			// link() fails when another process was first: then its (complete) key is used.
			fs.linkSync(temp, file);
			log.info('lti.key_created', { file });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		} finally {
			fs.rmSync(temp, { force: true });
		}
	}
	const jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
	if (jwk.kty !== 'RSA' || !jwk.d || !jwk.n || !jwk.e) {
		throw new Error(`${file} is not an RSA private key`);
	}
	const privateKey = (await importJWK(jwk, LTI_ALG)) as CryptoKey;
	const publicJwk: JWK = { kty: 'RSA', n: jwk.n, e: jwk.e };
	const kid = await calculateJwkThumbprint(publicJwk);
	return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: LTI_ALG, use: 'sig' } };
}

/** Forget the loaded key (tests switch data folders). */
export function resetToolKey(): void {
	cached = undefined;
}

export async function toolJwks(): Promise<{ keys: JWK[] }> {
	return { keys: [(await toolKey()).publicJwk] };
}
