import { beforeEach, describe, expect, it } from 'vitest';
import { makeMember, makeOrganisation, makeUser } from '../testing/testing';
import { listAudit } from '../platform/audit';
import { addDays } from './rules';
import { freshCertificates, pass, t0 } from './spec-support';
import { findForAdmin, revokeCertificate, verifyCertificate, verifyThrottle } from './verification';
import { dashboardCertificates, getOwnCertificate, setShowOrganisation } from './views';

beforeEach(async () => {
	await freshCertificates();
});

describe('access and verification', () => {
	it('a learner gets only their own certificate by id', async () => {
		const a = await makeUser();
		const b = await makeUser();
		const [id] = (await pass(a.id, 'wat-en-hoe', t0)).certificateIds;
		expect((await getOwnCertificate(a.id, id, t0))?.learnerName).toBeTruthy();
		expect(await getOwnCertificate(b.id, id, t0)).toBeUndefined();
		expect(await setShowOrganisation(b.id, id, true)).toBe(false);
		expect(await dashboardCertificates(b.id, t0)).toEqual([]);
	});

	it('the public view shows name, module, dates and status, never the e-mail; the organisation only when allowed', async () => {
		const org = await makeOrganisation('Jeugdhulp Horizon');
		const learner = await makeMember({ organisation: org, email: 'sam.geheim@horizon.be' });
		const [id] = (await pass(learner.id, 'wat-en-hoe', t0)).certificateIds;
		const { rawCode, code } = (await getOwnCertificate(learner.id, id, t0))!;
		const found = await verifyCertificate(code, 'test-client', t0);
		expect(found.kind).toBe('found');
		if (found.kind !== 'found') return;
		expect(found.certificate).toMatchObject({
			moduleTitle: 'Tienerpooiers: wat en hoe',
			status: 'valid',
			organisation: null,
			issuedAt: t0
		});
		expect(JSON.stringify(found)).not.toContain('sam.geheim');

		await setShowOrganisation(learner.id, id, true);
		const again = await verifyCertificate(rawCode, 'test-client', t0);
		expect(again.kind === 'found' && again.certificate.organisation).toBe('Jeugdhulp Horizon');
	});

	it('says ingetrokken after revocation, and audits it with the reason', async () => {
		const learner = await makeUser();
		const admin = await makeUser({ isAdmin: true });
		const [id] = (await pass(learner.id, 'wat-en-hoe', t0)).certificateIds;
		const { rawCode } = (await getOwnCertificate(learner.id, id, t0))!;
		expect((await findForAdmin(rawCode.toUpperCase(), t0))?.id).toBe(id);
		await revokeCertificate({
			certificateId: id,
			reason: 'Onterecht uitgereikt',
			actorUserId: admin.id,
			now: t0
		});
		expect(
			await revokeCertificate({
				certificateId: id,
				reason: 'nog eens',
				actorUserId: admin.id
			})
		).toBe(false);
		const result = await verifyCertificate(rawCode, 'test-client', addDays(t0, 1));
		expect(result.kind === 'found' && result.certificate.status).toBe('revoked');
		const [event] = await listAudit({ action: 'certificate.revoked' });
		expect(event.actorUserId).toBe(admin.id);
		expect(event.details).toMatchObject({ reason: 'Onterecht uitgereikt' });
	});

	it('unknown and malformed codes are unknown, and many of them from one address are throttled', async () => {
		expect((await verifyCertificate('abcd', 'test-client', t0)).kind).toBe('unknown');
		expect((await verifyCertificate("' OR 1=1 --", 'test-client', t0)).kind).toBe('unknown');
		for (let i = 0; i < 30; i++) await verifyCertificate('x'.repeat(28), 'test-client', t0);
		const result = await verifyCertificate('y'.repeat(28), 'test-client', t0);
		expect(result.kind).toBe('throttled');
		expect(result.kind === 'throttled' && result.retryAfterSeconds).toBeGreaterThan(0);
		// Another address is not affected.
		expect((await verifyCertificate('y'.repeat(28), 'other-client', t0)).kind).toBe('unknown');
		await verifyThrottle.reset('verify:other-client');
	});
});
