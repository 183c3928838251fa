import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db, first } from '../db';
import { certificate } from '../db/schema';
import { makeMember, makeOrganisation, makeUser } from '../testing/testing';
import { listAudit } from '../platform/audit';
import { addMonths, addDays, CODE_LENGTH } from './rules';
import { freshCertificates, makeAttempt, pass, t0 } from './spec-support';
import { dashboardCertificates } from './views';

beforeEach(async () => {
	await freshCertificates();
});

describe('issueOnPass', () => {
	it('issues one certificate with a long random code, the module validity and the organisation', async () => {
		const org = await makeOrganisation('Sint-Jansschool');
		const learner = await makeMember({ organisation: org });
		const attemptId = await makeAttempt(learner.id, 'wat-en-hoe');
		const { certificateIds } = await pass(learner.id, 'wat-en-hoe', t0, attemptId);
		expect(certificateIds).toHaveLength(1);
		const row = (await first(
			db.select().from(certificate).where(eq(certificate.id, certificateIds[0]))
		))!;
		expect(row.code).toMatch(new RegExp(`^[a-km-np-z2-9]{${CODE_LENGTH}}$`));
		expect(row.organisationId).toBe(org);
		expect(row.issuedAt).toEqual(t0);
		expect(row.expiresAt).toEqual(addMonths(t0, 24));
		expect(row.attemptId).toBe(attemptId);
		const [view] = await dashboardCertificates(learner.id, t0);
		expect(view).toMatchObject({
			moduleTitle: 'Tienerpooiers: wat en hoe',
			status: 'valid',
			code: expect.stringMatching(/^([A-Z2-9]{4}-){6}[A-Z2-9]{4}$/)
		});
		expect(await listAudit({ action: 'certificate.issued' })).toHaveLength(1);
	});

	it('codes differ between certificates', async () => {
		const learner = await makeUser();
		const codes = new Set<string>();
		for (let i = 0; i < 20; i++) {
			await pass(learner.id, 'wat-en-hoe', addDays(t0, i));
		}
		for (const c of await dashboardCertificates(learner.id, t0)) codes.add(c.rawCode);
		expect(codes.size).toBe(20);
	});

	it('a replayed pass for the same attempt issues nothing twice', async () => {
		const learner = await makeUser();
		const attemptId = await makeAttempt(learner.id, 'handelen');
		const first = await pass(learner.id, 'handelen', t0, attemptId);
		const again = await pass(learner.id, 'handelen', addDays(t0, 1), attemptId);
		expect(again).toEqual(first);
		expect(await dashboardCertificates(learner.id, t0)).toHaveLength(1);
	});

	it('passing the full module again replaces the current certificate, which stays in the history', async () => {
		const learner = await makeUser();
		const [old] = (await pass(learner.id, 'wat-en-hoe', t0)).certificateIds;
		const later = addMonths(t0, 6);
		const [fresh] = (await pass(learner.id, 'wat-en-hoe', later)).certificateIds;
		const list = await dashboardCertificates(learner.id, later);
		expect(list.map((c) => [c.id, c.status])).toEqual([
			[fresh, 'valid'],
			[old, 'renewed']
		]);
		expect(list[0].renewedFromId).toBe(old);
	});
});
