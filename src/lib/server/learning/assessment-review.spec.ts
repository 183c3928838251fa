import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { messages } from '$lib/i18n';
import * as progress from './index';
import { takeAssessment, workThrough } from '../demo/walkthrough';
import { retakeStatus, type AttemptView } from './assessment-review';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const step = mod.steps.find((s) => s.meta.kind === 'assessment')!;
const hour = 3600 * 1000;
const m = messages.learn.assessment;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

async function readyLearner() {
	const u = await makeUser();
	await workThrough(u.id, slug, mod.steps.length - 1);
	return u.id;
}

async function attemptOf(userId: number): Promise<AttemptView> {
	const page = await progress.stepPage(userId, slug, step.slug);
	if (!('assessment' in page) || !page.assessment?.attempt) throw new Error('no attempt');
	return page.assessment.attempt;
}

describe('retakes of the final assessment', () => {
	it('refuses a retake during the 24-hour cool-down after a fail, allows it afterwards', async () => {
		const user = await readyLearner();
		const t0 = Date.now() - 30 * hour;
		await takeAssessment(user, slug, step.slug, false, t0);
		await expect(progress.startAssessment(user, slug, step.slug, t0 + 60_000)).rejects.toThrow(
			'learning.assessmentCooldown'
		);
		await expect(progress.startAssessment(user, slug, step.slug, t0 + 23 * hour)).rejects.toThrow(
			'learning.assessmentCooldown'
		);
		const retake = await progress.startAssessment(user, slug, step.slug, t0 + 24 * hour + 1);
		expect(retake.submittedAt).toBeNull();
	});

	it('tells the learner in Dutch from when a retake is possible, and offers no retry button', async () => {
		const user = await readyLearner();
		await takeAssessment(user, slug, step.slug, false);
		const view = await attemptOf(user);
		expect(view.retake?.allowed).toBe(false);
		expect(view.retake?.notes[0]).toMatch(
			/^Je kunt de eindtoets opnieuw maken vanaf \d+ \w+ \d{4}/
		);
		expect(view.retake?.notes).toContain(m.attemptsLeft(2));
	});

	it('draws other items for a retake where the pool allows', async () => {
		const user = await readyLearner();
		const t0 = Date.now() - 100 * hour;
		const first = await takeAssessment(user, slug, step.slug, false, t0);
		const second = await progress.startAssessment(user, slug, step.slug, t0 + 25 * hour);
		const firstItems = (await progress.listAttempts(second.enrolmentId, step.slug))[0].itemIds;
		expect(first.attemptId).not.toBe(second.id);
		// Pool of 16, draw of 8: the retake shares no item with the failed attempt.
		expect(second.itemIds.filter((id) => firstItems.includes(id))).toEqual([]);
		expect(second.itemIds).toHaveLength(step.assessment!.draw);
	});

	it('hides per-item verdicts and feedback after a fail, naming categories to revisit instead', async () => {
		const user = await readyLearner();
		await takeAssessment(user, slug, step.slug, false);
		const view = await attemptOf(user);
		expect(view.submitted).toBe(true);
		expect(view.passed).toBe(false);
		expect(view.items).toEqual([]);
		expect(view.retake?.revisit.length).toBeGreaterThan(0);
		const names = Object.values(messages.lesson.categories) as string[];
		expect(view.retake?.revisit.every((c) => names.includes(c))).toBe(true);
		expect(view.retake?.notes).toContain(m.reviewLater);
		// Nothing in the page data gives an item's feedback away.
		const json = JSON.stringify(await progress.stepPage(user, slug, step.slug));
		for (const item of step.assessment!.pool) expect(json).not.toContain(item.feedback);
	});

	it('shows the review after a pass', async () => {
		const user = await readyLearner();
		const t0 = Date.now() - 100 * hour;
		await takeAssessment(user, slug, step.slug, false, t0);
		await takeAssessment(user, slug, step.slug, true, t0 + 25 * hour);
		const view = await attemptOf(user);
		expect(view.passed).toBe(true);
		expect(view.items.every((i) => i.verdict === 'right' && !!i.feedback)).toBe(true);
		expect(view.retake).toBeNull();
	});

	it('after the last allowed attempt: the review with feedback, no more attempts, ask the trainer', async () => {
		const user = await readyLearner();
		const t0 = Date.now() - 100 * hour;
		for (let k = 0; k < 3; k++)
			await takeAssessment(user, slug, step.slug, false, t0 + k * 25 * hour);
		const view = await attemptOf(user);
		expect(view.items.every((i) => i.verdict === 'wrong' && !!i.feedback)).toBe(true);
		expect(view.retake).toMatchObject({ allowed: false, notes: [m.exhausted] });
		await expect(progress.startAssessment(user, slug, step.slug)).rejects.toThrow(
			'learning.assessmentExhausted'
		);
	});

	it('follows the configured policy: no wait with a zero cool-down', () => {
		const failed = {
			submittedAt: new Date(1000),
			passed: false
		} as Parameters<typeof retakeStatus>[0][number];
		expect(retakeStatus([failed], 2000, { cooldownMinutes: 0, maxAttempts: 3 })).toEqual({
			allowed: true,
			attemptsLeft: 2
		});
		expect(retakeStatus([failed], 2000, { cooldownMinutes: 1, maxAttempts: 3 })).toMatchObject({
			allowed: false,
			reason: 'cooldown',
			at: 61_000
		});
		expect(retakeStatus([failed], 2000, { cooldownMinutes: 0, maxAttempts: 1 })).toMatchObject({
			allowed: false,
			reason: 'exhausted'
		});
	});
});
