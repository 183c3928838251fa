// Open Badges 3.0: each certificate as an OpenBadgeCredential (VC data model 2.0), signed as a
// VC-JWT with EdDSA (Ed25519). The key pair is made on first start and kept in the data folder;
// its public half is published at /.well-known/jwks.json.
//
// JWT shape (VC-JOSE-COSE): the payload is the credential itself, header typ "vc+jwt", plus the
// registered claims iss (= issuer.id), jti (= credential id), nbf and exp (= validFrom/Until), so
// both VC 2.0 and older OB 3.0 JWT verifiers find what they look for.
import {
	SignJWT,
	calculateJwkThumbprint,
	exportJWK,
	generateKeyPair,
	importJWK,
	type JWK
} from 'jose';
import { messages } from '$lib/i18n';
import { config } from '../platform/config';
import { loadVersion } from '../content/versions';
import type { CertificateDocument } from './views';
import { sharedKey } from '../db/server-key';
import { credentialStatusOf } from './status-list';

export const KEY_FILE = 'openbadges-ed25519.jwk.json';
const ALG = 'EdDSA';

interface SigningKey {
	kid: string;
	privateKey: CryptoKey;
	publicJwk: JWK;
}

let cached: { dir: string; key: Promise<SigningKey> } | undefined;

/** The signing key, created in the data folder the first time. Safe when two processes start. */
export function ensureSigningKey(): Promise<SigningKey> {
	const dir = config.dataDir;
	if (!cached || cached.dir !== dir) cached = { dir, key: loadOrCreate() };
	return cached.key;
}

async function loadOrCreate(): Promise<SigningKey> {
	// SQLite: a file in the data folder; PostgreSQL: the server_key table (db/server-key.ts).
	const stored = await sharedKey(
		KEY_FILE,
		async () => {
			const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
			const jwk = await exportJWK(privateKey);
			return Buffer.from(JSON.stringify({ ...jwk, alg: ALG }));
		},
		{ file: KEY_FILE }
	);
	const jwk = JSON.parse(stored.toString('utf8')) as JWK;
	if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.x) {
		throw new Error(`The key ${KEY_FILE} is not an Ed25519 private key`);
	}
	const privateKey = (await importJWK(jwk, ALG)) as CryptoKey;
	const publicJwk: JWK = { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
	const kid = await calculateJwkThumbprint(publicJwk);
	return { kid, privateKey, publicJwk: { ...publicJwk, kid, alg: ALG, use: 'sig' } };
}

/** Forget the loaded key (tests switch data folders). */
export function resetSigningKey(): void {
	cached = undefined;
}

export async function publicJwks(): Promise<{ keys: JWK[] }> {
	const key = await ensureSigningKey();
	return { keys: [key.publicJwk] };
}

export function issuerId(): string {
	return `${config.origin}/openbadges/issuer`;
}

/** The issuer profile, served at issuerId() and embedded in every credential. */
export function issuerProfile() {
	return {
		id: issuerId(),
		type: ['Profile'],
		name: 'Signaalwijs',
		url: `${config.origin}/`,
		description: messages.certificates.badge.issuerDescription
	};
}

const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** The unsigned OpenBadgeCredential for one certificate. */
export async function buildCredential(doc: CertificateDocument) {
	const version = await loadVersion(doc.moduleVersionId);
	const meta = version?.module.meta;
	const passPercent = Math.round((meta?.passMark ?? 0.7) * 100);
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: `${config.origin}/verifieer/${doc.rawCode}`,
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: messages.certificates.badge.name(doc.moduleTitle),
		issuer: issuerProfile(),
		validFrom: doc.issuedAt.toISOString(),
		validUntil: doc.expiresAt.toISOString(),
		// Revocation: the certificate's bit in the platform's Bitstring Status List.
		credentialStatus: credentialStatusOf(doc.id),
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [
				{
					type: 'IdentityObject',
					identityType: 'name',
					hashed: false,
					identityHash: doc.learnerName
				}
			],
			achievement: {
				id: `${config.origin}/openbadges/achievements/${doc.moduleSlug}`,
				type: ['Achievement'],
				achievementType: 'Certificate',
				name: doc.moduleTitle,
				description: meta?.summary ?? doc.moduleTitle,
				criteria: {
					narrative: messages.certificates.badge.criteria(doc.moduleTitle, passPercent)
				},
				inLanguage: 'nl-BE',
				creator: issuerProfile()
			}
		}
	};
}

/** The credential signed as a compact VC-JWT. */
export async function signCredential(doc: CertificateDocument): Promise<string> {
	const key = await ensureSigningKey();
	const credential = await buildCredential(doc);
	return new SignJWT(credential)
		.setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'vc+jwt', cty: 'vc' })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setIssuedAt(Math.floor(doc.issuedAt.getTime() / 1000))
		.setNotBefore(Math.floor(doc.issuedAt.getTime() / 1000))
		.setExpirationTime(Math.floor(doc.expiresAt.getTime() / 1000))
		.sign(key.privateKey);
}
