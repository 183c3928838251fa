import { beforeEach, describe, expect, it } from 'vitest';
import { makeCertificate, makeEnrolment, makeMember } from '../testing/testing';
import { latestVersionId } from '../content/versions';
import { duplicateAsDraft, getDraft, saveDraft, draftContent } from '../authoring/drafts';
import { publishDraft } from '../authoring/publish';
import type { Author } from '../authoring/access';
import { getLearnerDetail } from './learner-detail';
import { day, now, school, twoOrganisations } from './spec-support';

let orgA: number;
let orgB: number;
let lotte: number;
let sam: number;

beforeEach(async () => {
	({ orgA, orgB, lotte, sam } = await twoOrganisations());
});

describe('learner detail', () => {
	it('shows modules and certificates of the own learners and refuses others', async () => {
		await makeEnrolment({ user: lotte, module: school, completedAt: new Date(now - 10 * day) });
		await makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 30 * day) });
		const detail = (await getLearnerDetail(orgA, lotte, now))!;
		expect(detail.name).toBe('Lotte Janssens');
		expect(detail.modules.find((m) => m.slug === school)?.status.kind).toBe('certified');
		expect(detail.certificates).toHaveLength(1);
		expect(detail.certificates[0].state).toBe('valid');
		expect(detail.certificates[0].title).toBe('Signalen herkennen op school');
		expect(Object.keys(detail).sort()).toEqual(
			[
				'audience',
				'certificates',
				'email',
				'extraAttemptModules',
				'id',
				'modules',
				'name',
				'team'
			].sort()
		);
		expect(await getLearnerDetail(orgA, sam, now)).toBeUndefined();
		expect(await getLearnerDetail(orgB, lotte, now)).toBeUndefined();
	});
});

describe('learner detail across organisations', () => {
	it("never lists a certificate of another organisation's private module", async () => {
		const trainerB: Author = {
			id: (await makeMember({ organisation: orgB, role: 'trainer' })).id,
			memberships: [{ organisationId: orgB, role: 'trainer' }]
		};
		const draft = await duplicateAsDraft(trainerB, orgB, (await latestVersionId(school))!);
		const content = structuredClone(draftContent(await getDraft(trainerB, draft.id)));
		content.meta.title = 'Geheime module van Horizon';
		await saveDraft(trainerB, draft.id, content, (await getDraft(trainerB, draft.id)).revision);
		expect((await publishDraft(trainerB, draft.id)).ok).toBe(true);
		await makeCertificate({
			user: lotte,
			module: draft.moduleSlug,
			expiresAt: new Date(now + day)
		});
		await makeCertificate({ user: lotte, module: school, expiresAt: new Date(now + 30 * day) });

		const titles = (await getLearnerDetail(orgA, lotte, now))!.certificates.map((c) => c.title);
		expect(titles).toHaveLength(1);
		expect(titles).not.toContain('Geheime module van Horizon');
	});
});
