import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { makeUser } from '../testing/testing';
import { revokeCertificate } from './verification';
import * as openbadges from './openbadges';
import { certificateFor, useOpenBadgesEnvironment } from './spec-support';
import { signedStatusList, STATUS_LIST_BITS } from './status-list';

useOpenBadgesEnvironment();

/** Reads the published list as a verifier does: verify, un-multibase, gunzip, read bit i. */
async function revokedBit(credentialStatus: { statusListIndex: string }): Promise<boolean> {
	const jwt = await signedStatusList();
	const { payload } = await jwtVerify(jwt, createLocalJWKSet(await openbadges.publicJwks()), {
		issuer: 'https://signaalwijs.example/openbadges/issuer',
		typ: 'vc+jwt'
	});
	const subject = payload.credentialSubject as { type: string; encodedList: string };
	expect(subject.type).toBe('BitstringStatusList');
	expect(subject.encodedList.startsWith('u')).toBe(true);
	const bytes = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
	expect(bytes.length * 8).toBeGreaterThanOrEqual(STATUS_LIST_BITS);
	const index = Number(credentialStatus.statusListIndex);
	// Index 0 is the left-most (most significant) bit of the first byte.
	return ((bytes[index >> 3] >> (7 - (index % 8))) & 1) === 1;
}

describe('Open Badges status list', () => {
	it("sets a revoked certificate's bit and leaves the others clear", async () => {
		const kept = await certificateFor('Lotte Janssens');
		const revoked = await certificateFor('Sam Peeters');
		const keptStatus = (await openbadges.buildCredential(kept)).credentialStatus;
		const revokedStatus = (await openbadges.buildCredential(revoked)).credentialStatus;
		expect(revokedStatus).toMatchObject({
			type: 'BitstringStatusListEntry',
			statusPurpose: 'revocation',
			statusListIndex: String(revoked.id),
			statusListCredential: 'https://signaalwijs.example/openbadges/status/1'
		});
		expect(await revokedBit(revokedStatus)).toBe(false);

		const admin = await makeUser({ name: 'Admin' });
		await revokeCertificate({ certificateId: revoked.id, reason: 'fraude', actorUserId: admin.id });
		expect(await revokedBit(revokedStatus)).toBe(true);
		expect(await revokedBit(keptStatus)).toBe(false);
	});
});
