import { beforeEach, describe, expect, it } from 'vitest';
import { makeCertificate, makeEnrolment, makeLearner } from '../testing/testing';
import { createAssignment } from './assignments';
import { getDashboard } from './overview';
import { day, now, school, twoOrganisations } from './spec-support';

let orgA: number;
let lotte: number;
let sam: number;

beforeEach(async () => {
	({ orgA, lotte, sam } = await twoOrganisations());
});

describe('dashboard', () => {
	it('counts learners, completion of assigned modules, expiring certificates and overdue', async () => {
		const second = (await makeLearner({ organisation: orgA, name: 'Bram' })).id;
		await makeEnrolment({ user: lotte, module: school, completedAt: new Date(now - 40 * day) });
		await makeEnrolment({ user: sam, module: school, completedAt: new Date(now - 40 * day) });
		await makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 20 * day) });
		await makeCertificate({
			user: second,
			module: 'handelen',
			expiresAt: new Date(now + 90 * day)
		});
		await makeCertificate({ user: sam, module: school, expiresAt: new Date(now + 20 * day) });
		await createAssignment({
			organisationId: orgA,
			moduleSlug: school,
			target: 'organisation',
			dueAt: new Date(now - day),
			createdBy: lotte
		});
		const d = await getDashboard(orgA, now);
		expect(d.learners).toBe(2);
		expect(d.assigned).toEqual([
			{
				slug: school,
				title: 'Signalen herkennen op school',
				targeted: 2,
				completed: 1,
				percent: 50
			}
		]);
		expect(d.expiringCertificates).toBe(1);
		expect(d.overdue).toBe(1);
		expect(d.completionsByMonth).toHaveLength(12);
		expect(d.completionsByMonth.reduce((s, m) => s + m.count, 0)).toBe(1);
		expect(d.byGroup).toContainEqual(
			expect.objectContaining({ slug: school, group: 'Tweede graad', learners: 1, percent: 100 })
		);
		expect(d.byGroup.some((g) => g.group.includes('Horizon'))).toBe(false);
		const byAudience = await getDashboard(orgA, now, 'audience');
		expect(byAudience.byGroup).toContainEqual(
			expect.objectContaining({ slug: school, group: 'Leerkracht', learners: 2, percent: 50 })
		);
	});

	it('counts a certificate renewed later as not expiring', async () => {
		await makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 20 * day) });
		await makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 700 * day) });
		expect((await getDashboard(orgA, now)).expiringCertificates).toBe(0);
	});
});
