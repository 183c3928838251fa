import { beforeEach, describe, expect, it } from 'vitest';
import { getCourse } from '../content/course';
import { takeAssessment, workThrough } from '../demo/walkthrough';
import * as progress from '../learning';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { mailOutbox, user } from '../db/schema';
import { listAudit } from '../platform/audit';
import { makeEnrolment, makeMember } from '../testing/testing';
import { latestVersionId } from '../content/versions';
import { draftContent, duplicateAsDraft, getDraft, saveDraft } from '../authoring/drafts';
import { publishDraft } from '../authoring/publish';
import type { Author } from '../authoring/access';
import { addMembership } from '../organisations/organisations';
import { extraAttemptModules, giveExtraAttempt } from './extra-attempts';
import { getLearnerDetail } from './learner-detail';
import { day, now, twoOrganisations } from './spec-support';

const slug = 'wat-en-hoe';
const steps = getCourse().moduleBySlug.get(slug)!.steps;
const assessment = steps.find((s) => s.meta.kind === 'assessment')!;

let orgA: number;
let orgB: number;
let lotte: number;
let managerA: number;
let managerB: number;

beforeEach(async () => {
	({ orgA, orgB, lotte } = await twoOrganisations());
	managerA = (await makeMember({ organisation: orgA, role: 'manager' })).id;
	managerB = (await makeMember({ organisation: orgB, role: 'manager' })).id;
});

/** Lotte works up to the final assessment and fails it as often as the platform allows (3). */
async function useEveryAttempt(): Promise<number> {
	await workThrough(lotte, slug, steps.indexOf(assessment), now);
	let at = now;
	for (let i = 0; i < 3; i++) {
		at += 2 * day; // past the cool-down between attempts
		expect((await takeAssessment(lotte, slug, assessment.slug, false, at)).passed).toBe(false);
	}
	return at + 2 * day;
}

/** The mail in the outbox to Lotte. */
async function mailToLotte() {
	const [{ email }] = await db.select({ email: user.email }).from(user).where(eq(user.id, lotte));
	return await db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email));
}

const offered = async (org: number) => (await extraAttemptModules(org, lotte)).map((m) => m.slug);

describe('an extra final-assessment attempt from the manager', () => {
	it('lets a learner who used every attempt try once more, and only once', async () => {
		const later = await useEveryAttempt();
		await expect(progress.startAssessment(lotte, slug, assessment.slug, later)).rejects.toThrow(
			'learning.assessmentExhausted'
		);
		expect((await getLearnerDetail(orgA, lotte, now))!.extraAttemptModules).toEqual([
			{ slug, title: getCourse().moduleBySlug.get(slug)!.meta.title }
		]);

		const given = await giveExtraAttempt(orgA, lotte, slug, managerA, 'req-1');
		expect(given).toEqual({ ok: true, message: expect.stringContaining('extra poging') });
		const [mail] = await mailToLotte();
		expect(mail.subject).toBe('Een extra poging voor de eindtoets van Tienerpooiers: wat en hoe');
		expect(mail.body).toMatch(/^Beste Lotte Janssens,\n\nSchool A gaf je een extra poging/);
		expect(mail.body).toContain('/leren/wat-en-hoe');
		const [event] = await listAudit({ action: 'assessment.extra_attempt_given' });
		expect(event).toMatchObject({
			actorUserId: managerA,
			targetId: String(lotte),
			organisationId: orgA,
			details: { module: slug, extraAttempts: 1 }
		});

		// One more attempt: it fails, and then the learner is out of attempts again.
		expect((await takeAssessment(lotte, slug, assessment.slug, false, later)).passed).toBe(false);
		await expect(
			progress.startAssessment(lotte, slug, assessment.slug, later + 2 * day)
		).rejects.toThrow('learning.assessmentExhausted');

		// A second attempt given, passed: the module is done and no longer offered.
		expect((await giveExtraAttempt(orgA, lotte, slug, managerA)).ok).toBe(true);
		const passed = await takeAssessment(lotte, slug, assessment.slug, true, later + 4 * day);
		expect(passed.passed).toBe(true);
		expect(await offered(orgA)).not.toContain(slug);
		expect((await giveExtraAttempt(orgA, lotte, slug, managerA)).ok).toBe(false);
	});

	it("refuses another organisation's manager and a module the learner is not working on", async () => {
		const later = await useEveryAttempt();
		const refused = await giveExtraAttempt(orgB, lotte, slug, managerB);
		expect(refused).toEqual({
			ok: false,
			message: 'Deze deelnemer hoort niet bij je organisatie.'
		});
		expect(await getLearnerDetail(orgB, lotte, now)).toBeUndefined();
		await expect(progress.startAssessment(lotte, slug, assessment.slug, later)).rejects.toThrow(
			'learning.assessmentExhausted'
		);

		expect((await giveExtraAttempt(orgA, lotte, 'signalen-op-school', managerA)).ok).toBe(false);
		expect((await giveExtraAttempt(orgA, lotte, 'bestaat-niet', managerA)).ok).toBe(false);
		expect(await listAudit({ action: 'assessment.extra_attempt_given' })).toHaveLength(0);
		expect(await mailToLotte()).toHaveLength(0);
	});

	it('offers only modules in progress with a final assessment, and tells nothing of attempts', async () => {
		expect(await offered(orgA)).toEqual([]);
		await workThrough(lotte, slug, 1, now);
		// In progress, no attempt yet: offered all the same, so the list reveals no attempts.
		expect(await offered(orgA)).toEqual([slug]);
		// The refresher has a final assessment of its own (its module is not in the learner's table).
		await makeEnrolment({ user: lotte, module: 'opfrissing' });
		expect(await offered(orgA)).toEqual([slug, 'opfrissing']);
	});

	it('refuses a module of another organisation that the same learner works on there', async () => {
		const trainerB: Author = {
			id: (await makeMember({ organisation: orgB, role: 'trainer' })).id,
			memberships: [{ organisationId: orgB, role: 'trainer' }]
		};
		const school = 'signalen-op-school';
		const draft = await duplicateAsDraft(trainerB, orgB, (await latestVersionId(school))!);
		const content = structuredClone(draftContent(await getDraft(trainerB, draft.id)));
		await saveDraft(trainerB, draft.id, content, (await getDraft(trainerB, draft.id)).revision);
		expect((await publishDraft(trainerB, draft.id)).ok).toBe(true);
		await addMembership({
			userId: lotte,
			organisationId: orgB,
			role: 'learner',
			audience: 'leerkracht'
		});
		await progress.startModule(lotte, draft.moduleSlug, now);
		expect(await offered(orgB)).toContain(draft.moduleSlug);
		expect(await offered(orgA)).not.toContain(draft.moduleSlug);
		const refused = await giveExtraAttempt(orgA, lotte, draft.moduleSlug, managerA);
		expect(refused.ok).toBe(false);
		expect((await giveExtraAttempt(orgB, lotte, draft.moduleSlug, managerB)).ok).toBe(true);
	});
});
