import { beforeEach, describe, expect, it } from 'vitest';
import { makeMember, makeOrganisation, makeUser } from '../testing/testing';
import { listAudit } from '../platform/audit';
import { addDays } from './rules';
import { freshCertificates, pass, t0 } from './spec-support';
import { findForAdmin, revokeCertificate, verifyCertificate, verifyThrottle } from './verification';
import { dashboardCertificates, getOwnCertificate, setShowOrganisation } from './views';

beforeEach(() => {
	freshCertificates();
});

describe('access and verification', () => {
	it('a learner gets only their own certificate by id', async () => {
		const a = await makeUser();
		const b = await makeUser();
		const [id] = pass(a.id, 'wat-en-hoe', t0).certificateIds;
		expect(getOwnCertificate(a.id, id, t0)?.learnerName).toBeTruthy();
		expect(getOwnCertificate(b.id, id, t0)).toBeUndefined();
		expect(setShowOrganisation(b.id, id, true)).toBe(false);
		expect(dashboardCertificates(b.id, t0)).toEqual([]);
	});

	it('the public view shows name, module, dates and status, never the e-mail; the organisation only when allowed', async () => {
		const org = makeOrganisation('Jeugdhulp Horizon');
		const learner = await makeMember({ organisation: org, email: 'sam.geheim@horizon.be' });
		const [id] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const { rawCode, code } = getOwnCertificate(learner.id, id, t0)!;
		const found = verifyCertificate(code, 'test-client', t0);
		expect(found.kind).toBe('found');
		if (found.kind !== 'found') return;
		expect(found.certificate).toMatchObject({
			moduleTitle: 'Tienerpooiers: wat en hoe',
			status: 'valid',
			organisation: null,
			issuedAt: t0
		});
		expect(JSON.stringify(found)).not.toContain('sam.geheim');

		setShowOrganisation(learner.id, id, true);
		const again = verifyCertificate(rawCode, 'test-client', t0);
		expect(again.kind === 'found' && again.certificate.organisation).toBe('Jeugdhulp Horizon');
	});

	it('says ingetrokken after revocation, and audits it with the reason', async () => {
		const learner = await makeUser();
		const admin = await makeUser({ isAdmin: true });
		const [id] = pass(learner.id, 'wat-en-hoe', t0).certificateIds;
		const { rawCode } = getOwnCertificate(learner.id, id, t0)!;
		expect(findForAdmin(rawCode.toUpperCase(), t0)?.id).toBe(id);
		revokeCertificate({
			certificateId: id,
			reason: 'Onterecht uitgereikt',
			actorUserId: admin.id,
			now: t0
		});
		expect(
			revokeCertificate({
				certificateId: id,
				reason: 'nog eens',
				actorUserId: admin.id
			})
		).toBe(false);
		const result = verifyCertificate(rawCode, 'test-client', addDays(t0, 1));
		expect(result.kind === 'found' && result.certificate.status).toBe('revoked');
		const [event] = listAudit({ action: 'certificate.revoked' });
		expect(event.actorUserId).toBe(admin.id);
		expect(event.details).toMatchObject({ reason: 'Onterecht uitgereikt' });
	});

	it('unknown and malformed codes are unknown, and many of them from one address are throttled', async () => {
		expect(verifyCertificate('abcd', 'test-client', t0).kind).toBe('unknown');
		expect(verifyCertificate("' OR 1=1 --", 'test-client', t0).kind).toBe('unknown');
		for (let i = 0; i < 30; i++) verifyCertificate('x'.repeat(28), 'test-client', t0);
		const result = verifyCertificate('y'.repeat(28), 'test-client', t0);
		expect(result.kind).toBe('throttled');
		expect(result.kind === 'throttled' && result.retryAfterSeconds).toBeGreaterThan(0);
		// Another address is not affected.
		expect(verifyCertificate('y'.repeat(28), 'other-client', t0).kind).toBe('unknown');
		verifyThrottle.reset('verify:other-client');
	});
});
