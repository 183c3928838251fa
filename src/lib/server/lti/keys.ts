// The tool's own LTI signing key (RS256, as LTI 1.3 requires), separate from the Open Badges key.
// Made on first use and kept in the data folder (SQLite) or the server_key table (PostgreSQL); its public half is published at /lti/jwks.json.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { config } from '../platform/config';
import { sharedKey } from '../db/server-key';

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
	if (!cached || cached.dir !== dir) cached = { dir, key: loadOrCreate() };
	return cached.key;
}

async function loadOrCreate(): Promise<ToolKey> {
	// SQLite: a file in the data folder; PostgreSQL: the server_key table (db/server-key.ts).
	const stored = await sharedKey(
		LTI_KEY_FILE,
		async () => {
			const { privateKey } = await generateKeyPair(LTI_ALG, {
				modulusLength: 2048,
				extractable: true
			});
			const jwk = await exportJWK(privateKey);
			return Buffer.from(JSON.stringify({ ...jwk, alg: LTI_ALG }));
		},
		{ file: LTI_KEY_FILE }
	);
	const jwk = JSON.parse(stored.toString('utf8')) as JWK;
	if (jwk.kty !== 'RSA' || !jwk.d || !jwk.n || !jwk.e) {
		throw new Error(`The key ${LTI_KEY_FILE} is not an RSA private key`);
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
