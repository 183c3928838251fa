import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Ajv2019 } from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { addMonths } from './rules';
import * as openbadges from './openbadges';
import { certificateFor, t0, useOpenBadgesEnvironment } from './spec-support';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { serverKey } from '../db/schema';
import { filesBesideDatabase } from '../db/server-key';

const schema = JSON.parse(
	fs.readFileSync('tests/fixtures/openbadges/ob_v3p0_achievementcredential_schema.json', 'utf8')
);
const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

useOpenBadgesEnvironment();

describe('Open Badges 3.0 credential', () => {
	it('validates against the OB 3.0 schema and carries the achievement, issuer and validity', async () => {
		const doc = await certificateFor('Zoë Peeters');
		const credential = await openbadges.buildCredential(doc);
		const ok = validate(credential);
		expect(validate.errors ?? []).toEqual([]);
		expect(ok).toBe(true);
		expect(credential.validFrom).toBe(t0.toISOString());
		expect(credential.validUntil).toBe(addMonths(t0, 24).toISOString());
		expect(credential.credentialSubject.achievement.criteria.narrative).toContain(
			'Tienerpooiers: wat en hoe'
		);
		expect(credential.id).toBe(`https://signaalwijs.example/verifieer/${doc.rawCode}`);
		expect(JSON.stringify(credential)).not.toContain('@test.signaalwijs.be');
	});

	it('the schema refuses a credential without an achievement or with a wrong context', async () => {
		const doc = await certificateFor('Sam');
		const credential = await openbadges.buildCredential(doc);
		const broken = structuredClone(credential) as Record<string, unknown>;
		delete (broken.credentialSubject as Record<string, unknown>).achievement;
		expect(validate(broken)).toBe(false);
		expect(
			validate({ ...credential, '@context': ['https://www.w3.org/2018/credentials/v1'] })
		).toBe(false);
		expect(validate({ ...credential, validFrom: 'gisteren' })).toBe(false);
	});

	it('is signed as a VC-JWT with EdDSA that verifies with the published key', async () => {
		const doc = await certificateFor('Lotte Janssens');
		const jwt = await openbadges.signCredential(doc);
		const header = decodeProtectedHeader(jwt);
		expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
		const jwks = await openbadges.publicJwks();
		expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: header.kid });
		expect(jwks.keys[0]).not.toHaveProperty('d');
		const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
			issuer: 'https://signaalwijs.example/openbadges/issuer',
			currentDate: addMonths(t0, 1),
			typ: 'vc+jwt'
		});
		expect(validate(payload)).toBe(true);
		expect(payload.validFrom).toBe(t0.toISOString());
		// A tampered payload fails.
		const [h, , s] = jwt.split('.');
		const forged = Buffer.from(
			JSON.stringify({ ...payload, validUntil: '2099-01-01T00:00:00Z' })
		).toString('base64url');
		await expect(jwtVerify(`${h}.${forged}.${s}`, createLocalJWKSet(jwks))).rejects.toThrow();
	});

	it('keeps the key pair (SQLite: data folder; PostgreSQL: server_key) and reuses it', async () => {
		const first = await openbadges.publicJwks();
		if (filesBesideDatabase) {
			const file = path.join(process.env.DATA_DIR!, openbadges.KEY_FILE);
			expect(fs.existsSync(file)).toBe(true);
			expect(fs.statSync(file).mode & 0o077).toBe(0);
		} else {
			const rows = await db.select().from(serverKey).where(eq(serverKey.name, openbadges.KEY_FILE));
			expect(rows).toHaveLength(1);
		}
		openbadges.resetSigningKey();
		const second = await openbadges.publicJwks();
		expect(second.keys[0].kid).toBe(first.keys[0].kid);
		expect(second.keys[0].x).toBe(first.keys[0].x);
	});
});
