import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db } from '../db';
import { response, signalMastery } from '../db/schema';
import { correctAnswer, wrongAnswer } from './grading';
import * as progress from './index';
import * as pretest from './pretest';
import { itemStatistics } from '../authoring/statistics/statistics';
import { completeStep, takeAssessment, workThrough } from '../demo/walkthrough';
import { seedDemo } from '../demo/seed';

const slug = 'signalen-op-school';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const assessmentStep = mod.steps.find((s) => s.meta.kind === 'assessment')!;
const pool = assessmentStep.assessment!.pool;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

const status = async (userId: number, s = slug) =>
	(await pretest.pretestStatus(await progress.moduleContext(userId, s))).status;

/** Takes the pre-test with the first `right` drawn items answered correctly. */
async function takePretest(userId: number, right: number, now = Date.now()) {
	const attempt = await pretest.startPretest(userId, slug, now);
	for (const [i, id] of attempt.itemIds.entries()) {
		const item = pool.find((p) => p.id === id)!;
		await pretest.answerPretestItem(
			userId,
			slug,
			id,
			i < right ? correctAnswer(item) : wrongAnswer(item),
			now
		);
	}
	await pretest.submitPretest(userId, slug, now);
	return attempt;
}

describe('the pre-test', () => {
	it('is offered only in modules that declare one', async () => {
		const u = await makeUser();
		expect(mod.meta.pretest).toBe(4);
		expect(await status(u.id)).toBe('offered');
		expect(await pretest.pretestPending(u.id, slug)).toBe(true);
		expect(await status(u.id, 'wat-en-hoe')).toBe('none');
		expect(await pretest.pretestPending(u.id, 'wat-en-hoe')).toBe(false);
		await expect(pretest.startPretest(u.id, 'wat-en-hoe')).rejects.toThrow(progress.ProgressError);
	});

	it('draws distinct pool items once and keeps the draw across reloads', async () => {
		const u = await makeUser();
		const first = await pretest.startPretest(u.id, slug);
		expect(first.kind).toBe('pretest');
		expect(new Set(first.itemIds).size).toBe(4);
		for (const id of first.itemIds) expect(pool.some((p) => p.id === id)).toBe(true);
		expect((await pretest.startPretest(u.id, slug)).itemIds).toEqual(first.itemIds);
		expect(await status(u.id)).toBe('open');
		// The final assessment does not see the pre-test as its attempt.
		const e = (await progress.findEnrolment(u.id, slug))!;
		expect(await progress.openAttempt(e.id, assessmentStep.slug)).toBeUndefined();
	});

	it('refuses to submit before every item has an answer, then scores without feedback', async () => {
		const u = await makeUser();
		const attempt = await pretest.startPretest(u.id, slug);
		const item = pool.find((p) => p.id === attempt.itemIds[0])!;
		await pretest.answerPretestItem(u.id, slug, item.id, correctAnswer(item));
		await expect(pretest.submitPretest(u.id, slug)).rejects.toThrow(
			expect.objectContaining({
				failure: { code: 'learning.pretestUnanswered', params: { count: 3 } }
			})
		);
		const other = pool.find((p) => !attempt.itemIds.includes(p.id))!;
		await expect(
			pretest.answerPretestItem(u.id, slug, other.id, correctAnswer(other))
		).rejects.toThrow('request.notFound');
		await takePretest(u.id, 2);
		expect(await status(u.id)).toBe('submitted');
		const saved = (await pretest.pretestAttempt((await progress.findEnrolment(u.id, slug))!.id))!;
		expect([saved.score, saved.maxScore]).toEqual([2, 4]);
		// Changing an answer after submitting is refused; submitting again changes nothing.
		await expect(pretest.answerPretestItem(u.id, slug, item.id, wrongAnswer(item))).rejects.toThrow(
			'learning.pretestNotOpen'
		);
		await pretest.submitPretest(u.id, slug);
	});

	it('never counts in item statistics or the signal map', async () => {
		const u = await makeUser();
		await takePretest(u.id, 4);
		const rows = await db.select().from(response).where(eq(response.userId, u.id));
		expect(rows).toHaveLength(4);
		expect(rows.every((r) => !r.isFirst && r.attemptId !== null)).toBe(true);
		expect((await itemStatistics(slug))!.items).toEqual([]);
		expect(await db.select().from(signalMastery).where(eq(signalMastery.userId, u.id))).toEqual([]);
	});

	it('can be skipped, after which the module starts as without one', async () => {
		const u = await makeUser();
		await pretest.skipPretest(u.id, slug);
		expect(await status(u.id)).toBe('skipped');
		expect(await pretest.pretestPending(u.id, slug)).toBe(false);
		expect(await progress.findEnrolment(u.id, slug)).toBeDefined();
		await pretest.startPretest(u.id, slug);
		expect(await status(u.id)).toBe('skipped');
	});

	it('closes once the learner works on a step without it, and is never forced on them', async () => {
		const u = await makeUser();
		await completeStep(u.id, slug, mod.steps[0].slug);
		expect(await status(u.id)).toBe('closed');
		expect(await pretest.pretestPending(u.id, slug)).toBe(false);
		await expect(pretest.startPretest(u.id, slug)).rejects.toThrow('learning.pretestClosed');
		// Left half way for a step: its answers can no longer be changed or submitted.
		const v = await makeUser();
		const attempt = await pretest.startPretest(v.id, slug);
		await completeStep(v.id, slug, mod.steps[0].slug);
		const item = pool.find((p) => p.id === attempt.itemIds[0])!;
		await expect(
			pretest.answerPretestItem(v.id, slug, item.id, correctAnswer(item))
		).rejects.toThrow('learning.pretestClosed');
		expect(await pretest.learnerGain(await progress.moduleContext(v.id, slug))).toBeNull();
	});

	it('leaves learners of a version without a pre-test alone when one is added', async () => {
		await freshDatabase();
		const before = {
			...course,
			modules: course.modules.map((m) =>
				m.slug === slug
					? { ...m, contentHash: 'before-the-pretest', meta: { ...m.meta, pretest: undefined } }
					: m
			)
		};
		await syncShippedModules(before);
		const early = await makeUser();
		await progress.startModule(early.id, slug);
		await syncShippedModules(course);
		expect(await status(early.id)).toBe('none');
		const late = await makeUser();
		expect(await status(late.id)).toBe('offered');
	});
});

describe('learning gain', () => {
	it('compares the pre-test with the first post-test for the learner', async () => {
		const u = await makeUser();
		await takePretest(u.id, 1);
		expect(await pretest.learnerGain(await progress.moduleContext(u.id, slug))).toBeNull();
		await workThrough(u.id, slug);
		const gain = (await pretest.learnerGain(await progress.moduleContext(u.id, slug)))!;
		expect(gain.pre).toBeCloseTo(0.25, 9);
		expect(gain.post).toBeCloseTo(1, 9);
		expect(gain.points).toBeCloseTo(75, 9);
		expect(gain.normalised).toBeCloseTo(1, 9);
	});

	it('gives trainers the mean over learners with both tests', async () => {
		const [a, b, c, d] = [await makeUser(), await makeUser(), await makeUser(), await makeUser()];
		// a: 25 % -> 100 %. b: 50 % -> 0 % on the first post-test (the pass afterwards is a retake).
		await takePretest(a.id, 1);
		await workThrough(a.id, slug);
		await takePretest(b.id, 2);
		await workThrough(b.id, slug, mod.steps.length - 1);
		await takeAssessment(b.id, slug, assessmentStep.slug, false, Date.now() - 48 * 3600 * 1000);
		await takeAssessment(b.id, slug, assessmentStep.slug, true);
		// c skipped the pre-test, d has not taken the post-test yet: neither counts.
		await pretest.skipPretest(c.id, slug);
		await workThrough(c.id, slug);
		await takePretest(d.id, 4);
		expect(await pretest.moduleGain('wat-en-hoe')).toBeNull();
		const group = (await pretest.moduleGain(slug))!;
		expect(group.learners).toBe(2);
		expect(group.meanPre).toBeCloseTo(0.375, 9);
		expect(group.meanPost).toBeCloseTo(0.5, 9);
		expect(group.meanPoints).toBeCloseTo(12.5, 9);
	});
});

describe('demo data', () => {
	it('gives the trainer a real mean gain for both modules with a pre-test', async () => {
		await seedDemo();
		for (const module of ['signalen-op-school', 'signalen-in-de-hulpverlening']) {
			const group = (await pretest.moduleGain(module))!;
			expect(group.learners, module).toBeGreaterThanOrEqual(3);
			expect(group.meanPoints, module).toBeGreaterThan(0);
		}
	});
});
