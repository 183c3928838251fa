// Revocation for Open Badges: a Bitstring Status List (W3C VC Bitstring Status List v1.0, as Open
// Badges 3.0 uses it). The platform publishes one signed status list credential at a stable URL;
// each credential points at it with its certificate id as index. Revoking a certificate sets its
// bit, so a badge that was handed out stops verifying as soon as a verifier reads the list.
//
// Encoding per the spec: bit i is bit (7 - i % 8) of byte floor(i / 8) (index 0 is the left-most,
// most significant bit of the first byte); the bytes are GZIP-compressed and written as Multibase
// base64url without padding ("u" prefix). The list has at least 131,072 bits (16 KB) for herd
// privacy, and grows in steps of that size.
import { gzipSync } from 'node:zlib';
import { isNotNull, max } from 'drizzle-orm';
import { SignJWT } from 'jose';
import { db, first } from '../db';
import { certificate } from '../db/schema';
import { config } from '../platform/config';
import { ensureSigningKey, issuerProfile } from './openbadges';

export const STATUS_LIST_BITS = 131_072;
/** The one list the platform publishes; its URL never changes. */
export const STATUS_LIST_PATH = '/openbadges/status/1';

export function statusListUrl(): string {
	return `${config.origin}${STATUS_LIST_PATH}`;
}

/** The `credentialStatus` of a certificate's credential: its id is its index in the list. */
export function credentialStatusOf(certificateId: number) {
	return {
		id: `${statusListUrl()}#${certificateId}`,
		type: 'BitstringStatusListEntry',
		statusPurpose: 'revocation',
		statusListIndex: String(certificateId),
		statusListCredential: statusListUrl()
	};
}

/** The bitstring with the bits of these indexes set, at least `STATUS_LIST_BITS` long. */
export function bitstring(indexes: readonly number[], highest = 0): Uint8Array {
	const bits = Math.max(1, Math.ceil((highest + 1) / STATUS_LIST_BITS)) * STATUS_LIST_BITS;
	const bytes = new Uint8Array(bits / 8);
	for (const i of indexes) bytes[i >> 3] |= 0x80 >> (i & 7);
	return bytes;
}

export function encodeList(bytes: Uint8Array): string {
	return 'u' + gzipSync(bytes).toString('base64url');
}

/** The unsigned status list credential with every revoked certificate's bit set. */
export async function statusListCredential(now = new Date()) {
	const revoked = (
		await db
			.select({ id: certificate.id })
			.from(certificate)
			.where(isNotNull(certificate.revokedAt))
	).map((c) => c.id);
	const highest = (await first(db.select({ id: max(certificate.id) }).from(certificate)))?.id ?? 0;
	return {
		'@context': ['https://www.w3.org/ns/credentials/v2'],
		id: statusListUrl(),
		type: ['VerifiableCredential', 'BitstringStatusListCredential'],
		issuer: issuerProfile(),
		validFrom: now.toISOString(),
		credentialSubject: {
			id: `${statusListUrl()}#list`,
			type: 'BitstringStatusList',
			statusPurpose: 'revocation',
			encodedList: encodeList(bitstring(revoked, highest))
		}
	};
}

/** The status list credential signed as a VC-JWT with the Open Badges key. */
export async function signedStatusList(now = new Date()): Promise<string> {
	const key = await ensureSigningKey();
	const credential = await statusListCredential(now);
	return new SignJWT(credential)
		.setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: 'vc+jwt', cty: 'vc' })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setIssuedAt(Math.floor(now.getTime() / 1000))
		.setNotBefore(Math.floor(now.getTime() / 1000))
		.sign(key.privateKey);
}
