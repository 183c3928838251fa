import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db } from '../db';
import { attempt, certificate } from '../db/schema';
import * as progress from './index';
import { takeAssessment, workThrough } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const assessmentStep = mod.steps.find((s) => s.meta.kind === 'assessment')!;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

describe('final assessment', () => {
	it('stays locked until the required steps are done (enforced on the server)', async () => {
		const u = await makeUser();
		await progress.startModule(u.id, slug);
		await expect(progress.startAssessment(u.id, slug, assessmentStep.slug)).rejects.toThrow(
			'learning.assessmentLocked'
		);
		await workThrough(u.id, slug, mod.steps.length - 2);
		await expect(progress.startAssessment(u.id, slug, assessmentStep.slug)).rejects.toThrow(
			'learning.assessmentLocked'
		);
		expect(await db.select().from(attempt)).toHaveLength(0);
	});

	it('keeps the drawn items across reloads, fails, draws again and passes', async () => {
		const u = await makeUser();
		await workThrough(u.id, slug, mod.steps.length - 1);
		const a1 = await progress.startAssessment(u.id, slug, assessmentStep.slug);
		expect(a1.itemIds).toHaveLength(assessmentStep.assessment!.draw);
		expect(new Set(a1.itemIds).size).toBe(a1.itemIds.length);
		expect((await progress.startAssessment(u.id, slug, assessmentStep.slug)).id).toBe(a1.id);
		await expect(progress.submitAssessment(u.id, slug, assessmentStep.slug)).rejects.toThrow(
			'learning.unanswered'
		);
		// The retake comes after the cool-down (assessment-review.spec.ts tests the cool-down).
		const failedAt = Date.now() - 48 * 3600 * 1000;
		const failed = await takeAssessment(u.id, slug, assessmentStep.slug, false, failedAt);
		expect(failed.passed).toBe(false);
		expect((await progress.findEnrolment(u.id, slug))?.status).toBe('in_progress');
		const ok = await takeAssessment(u.id, slug, assessmentStep.slug, true);
		expect(ok.passed).toBe(true);
		expect(ok.attemptId).not.toBe(failed.attemptId);
		const e = (await progress.findEnrolment(u.id, slug))!;
		expect(e.status).toBe('completed');
		expect(e.completedAt).not.toBeNull();
		// Replaying the submit changes nothing and issues nothing twice.
		const replay = await progress.submitAssessment(u.id, slug, assessmentStep.slug);
		expect(replay.changed).toBe(false);
		const certificates = await db.select().from(certificate).where(eq(certificate.userId, u.id));
		expect(certificates).toHaveLength(1);
		expect(certificates[0].attemptId).toBe(ok.attemptId);
		expect(certificates[0].moduleSlug).toBe(slug);
		const attempts = await db.select().from(attempt).where(eq(attempt.userId, u.id));
		expect(attempts.map((x) => x.passed)).toEqual([false, true]);
	});

	it('draws distinct items, each about equally often', () => {
		const pool = Array.from({ length: 16 }, (_, i) => `i${i}`);
		const counts = new Map<string, number>();
		for (let n = 0; n < 4000; n++) {
			const drawn = progress.drawItems(pool, 8);
			expect(new Set(drawn).size).toBe(8);
			for (const id of drawn) counts.set(id, (counts.get(id) ?? 0) + 1);
		}
		for (const id of pool) {
			// Expected 2000 each; allow ±10 %.
			expect(counts.get(id)).toBeGreaterThan(1800);
			expect(counts.get(id)).toBeLessThan(2200);
		}
	});
});

describe('the refresher', () => {
	const refresher = course.moduleBySlug.get('opfrissing')!;
	const refresherTest = refresher.steps.find((s) => s.meta.kind === 'assessment')!;

	it('stays closed without a certificate in its window and renews one that is', async () => {
		const u = await makeUser();
		await expect(progress.startModule(u.id, 'opfrissing')).rejects.toThrow(
			'learning.refresherLocked'
		);
		// A certificate issued 23 months ago for a 24-month module is inside the 60-day window.
		const issued = Date.now() - 23 * 30.5 * 24 * 3600 * 1000;
		await workThrough(u.id, slug, undefined, issued);
		const [old] = await db.select().from(certificate).where(eq(certificate.userId, u.id));
		expect(old).toBeDefined();
		await workThrough(u.id, 'opfrissing', refresher.steps.length - 1);
		const a = await progress.startAssessment(u.id, 'opfrissing', refresherTest.slug);
		expect(a.itemIds).toHaveLength(refresherTest.assessment!.draw);
		await takeAssessment(u.id, 'opfrissing', refresherTest.slug, true);
		const all = await db.select().from(certificate).where(eq(certificate.userId, u.id));
		const renewed = all.find((c) => c.renewedFromId === old.id);
		expect(renewed?.moduleSlug).toBe(slug);
		expect(renewed!.expiresAt.getTime()).toBeGreaterThan(old.expiresAt.getTime());
	});
});
