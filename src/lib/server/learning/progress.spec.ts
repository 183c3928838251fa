import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { closeDatabase, db, openDatabase } from '../db';
import {
	attempt,
	certificate,
	enrolment,
	response,
	signalMastery,
	stepProgress
} from '../db/schema';
import { correctAnswer, gradeItem, wrongAnswer } from './grading';
import * as progress from './index';
import { completeStep, takeAssessment, workThrough } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const quizStep = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const vignetteStep = mod.steps.find((s) => s.meta.kind === 'vignette')!;
const assessmentStep = mod.steps.find((s) => s.meta.kind === 'assessment')!;
const firstItem = quizStep.quiz!.items[0];

beforeEach(() => {
	freshDatabase();
	syncShippedModules(course);
});

function responses(userId: number) {
	return db.select().from(response).where(eq(response.userId, userId)).all();
}

describe('quiz answers', () => {
	it('counts the first answer and keeps later ones as practice', async () => {
		const u = await makeUser();
		const first = progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			firstItem.id,
			wrongAnswer(firstItem)
		);
		expect(first.counted).toBe(true);
		expect(first.result.score).toBeLessThan(1);
		const again = progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			firstItem.id,
			correctAnswer(firstItem)
		);
		expect(again.counted).toBe(false);
		expect(again.result.score).toBe(1);
		const rows = responses(u.id);
		expect(rows.map((r) => r.isFirst)).toEqual([true, false]);
		const e = progress.findEnrolment(u.id, slug)!;
		const sp = db
			.select()
			.from(stepProgress)
			.where(and(eq(stepProgress.enrolmentId, e.id), eq(stepProgress.stepSlug, quizStep.slug)))
			.get()!;
		expect(sp.score).toBe(first.result.score);
	});

	it('shows the latest answer per item on the quiz step, marked as practice after the first', async () => {
		const u = await makeUser();
		const second = quizStep.quiz!.items[1];
		progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, wrongAnswer(firstItem));
		progress.answerQuizItem(u.id, slug, quizStep.slug, second.id, correctAnswer(second));
		progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, wrongAnswer(firstItem));
		progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, correctAnswer(firstItem));
		const ctx = progress.moduleContext(u.id, slug);
		const state = progress.quizState(ctx, progress.stepOf(ctx, quizStep.slug));
		expect(state.size).toBe(2);
		expect(state.get(firstItem.id)).toMatchObject({
			answer: correctAnswer(firstItem),
			attempts: 3,
			counted: false
		});
		expect(state.get(firstItem.id)!.result.score).toBe(1);
		expect(state.get(second.id)).toMatchObject({ attempts: 1, counted: true });
	});

	it('updates the signal map once per item, on the first answer', async () => {
		const u = await makeUser();
		const item = quizStep.quiz!.items.find(
			(i) => gradeItem(i, correctAnswer(i)).signalsHit.length > 0
		)!;
		const graded = progress.answerQuizItem(u.id, slug, quizStep.slug, item.id, correctAnswer(item));
		expect(graded.result.score).toBe(1);
		progress.answerQuizItem(u.id, slug, quizStep.slug, item.id, correctAnswer(item));
		const mastery = db.select().from(signalMastery).where(eq(signalMastery.userId, u.id)).all();
		expect(mastery.length).toBeGreaterThan(0);
		expect(mastery.every((m) => m.seen === 1 && m.correct === 1)).toBe(true);
	});

	it('stores nothing for an empty, duplicate or unknown answer', async () => {
		const u = await makeUser();
		for (const answer of [
			{ selected: [] },
			{ selected: ['x', 'x'] },
			{ selected: ['bestaat-niet'] }
		]) {
			expect(() =>
				progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, answer)
			).toThrow(progress.ProgressError);
		}
		expect(responses(u.id)).toHaveLength(0);
		expect(progress.findEnrolment(u.id, slug)).toBeUndefined();
		expect(() =>
			progress.answerQuizItem(u.id, slug, quizStep.slug, 'geen-item', { selected: ['a'] })
		).toThrow('request.notFound');
	});

	it('marks the quiz step done when every item has an answer', async () => {
		const u = await makeUser();
		completeStep(u.id, slug, quizStep.slug);
		const ctx = progress.moduleContext(u.id, slug);
		expect(ctx.steps.get(quizStep.slug)?.status).toBe('done');
		expect(ctx.enrolment?.stepsDone).toBe(1);
	});

	it("keeps learners apart: one learner's answers never touch another's enrolment", async () => {
		const a = await makeUser();
		const b = await makeUser();
		progress.answerQuizItem(a.id, slug, quizStep.slug, firstItem.id, correctAnswer(firstItem));
		progress.answerQuizItem(b.id, slug, quizStep.slug, firstItem.id, wrongAnswer(firstItem));
		const ea = progress.findEnrolment(a.id, slug)!;
		const eb = progress.findEnrolment(b.id, slug)!;
		expect(ea.id).not.toBe(eb.id);
		expect(responses(a.id).every((r) => r.enrolmentId === ea.id)).toBe(true);
		expect(
			progress.quizState(progress.moduleContext(a.id, slug), quizStep).get(firstItem.id)?.result
				.score
		).toBe(1);
	});
});

describe('resume', () => {
	it('resumes at an unfinished vignette, else at the next unfinished step', async () => {
		const u = await makeUser();
		workThrough(u.id, slug, 2);
		const e = () => progress.findEnrolment(u.id, slug)!;
		expect(progress.resumeStep(e())).toBe(mod.steps[2].slug);
		const vignette = mod.steps.find((s, i) => i >= 2 && s.meta.kind === 'vignette')!;
		const start = vignette.vignette!.start;
		progress.chooseInVignette(u.id, slug, vignette.slug, start, 0);
		const state = progress.vignetteState(progress.moduleContext(u.id, slug), vignette);
		expect(state.ended).toBe(false);
		expect(progress.resumeStep(e())).toBe(vignette.slug);
	});
});

describe('vignettes', () => {
	it('stores each choice, ignores a stale node and finishes at an ending', async () => {
		const u = await makeUser();
		const v = vignetteStep.vignette!;
		const start = v.start;
		const outcome = progress.chooseInVignette(u.id, slug, vignetteStep.slug, start, 0);
		expect(outcome.feedback).toBe(v.nodes[start].choices[0].feedback);
		// Replaying the first form (back button, second tab) changes nothing.
		if (outcome.next !== start) {
			expect(() => progress.chooseInVignette(u.id, slug, vignetteStep.slug, start, 1)).toThrow(
				'learning.vignetteMoved'
			);
		}
		expect(responses(u.id)).toHaveLength(1);
		completeStep(u.id, slug, vignetteStep.slug);
		const state = progress.vignetteState(progress.moduleContext(u.id, slug), vignetteStep);
		expect(state.ended).toBe(true);
		expect(state.path.length).toBeGreaterThanOrEqual(2);
		expect(state.path[0].nodeId).toBe(start);
		expect(progress.moduleContext(u.id, slug).steps.get(vignetteStep.slug)?.status).toBe('done');
	});

	it('a second run after a restart is practice', async () => {
		const u = await makeUser();
		completeStep(u.id, slug, vignetteStep.slug);
		const firstRun = responses(u.id).length;
		progress.restartVignette(u.id, slug, vignetteStep.slug);
		const state = progress.vignetteState(progress.moduleContext(u.id, slug), vignetteStep);
		expect(state.current).toBe(vignetteStep.vignette!.start);
		expect(state.path).toEqual([]);
		completeStep(u.id, slug, vignetteStep.slug);
		const rows = responses(u.id);
		expect(rows.slice(firstRun).every((r) => !r.isFirst)).toBe(true);
		expect(rows.slice(0, firstRun).every((r) => r.isFirst)).toBe(true);
	});
});

describe('final assessment', () => {
	it('stays locked until the required steps are done (enforced on the server)', async () => {
		const u = await makeUser();
		progress.startModule(u.id, slug);
		expect(() => progress.startAssessment(u.id, slug, assessmentStep.slug)).toThrow(
			'learning.assessmentLocked'
		);
		workThrough(u.id, slug, mod.steps.length - 2);
		expect(() => progress.startAssessment(u.id, slug, assessmentStep.slug)).toThrow(
			'learning.assessmentLocked'
		);
		expect(db.select().from(attempt).all()).toHaveLength(0);
	});

	it('keeps the drawn items across reloads, fails, draws again and passes', async () => {
		const u = await makeUser();
		workThrough(u.id, slug, mod.steps.length - 1);
		const a1 = progress.startAssessment(u.id, slug, assessmentStep.slug);
		expect(a1.itemIds).toHaveLength(assessmentStep.assessment!.draw);
		expect(new Set(a1.itemIds).size).toBe(a1.itemIds.length);
		expect(progress.startAssessment(u.id, slug, assessmentStep.slug).id).toBe(a1.id);
		expect(() => progress.submitAssessment(u.id, slug, assessmentStep.slug)).toThrow(
			'learning.unanswered'
		);
		const failed = takeAssessment(u.id, slug, assessmentStep.slug, false);
		expect(failed.passed).toBe(false);
		expect(progress.findEnrolment(u.id, slug)?.status).toBe('in_progress');
		const ok = takeAssessment(u.id, slug, assessmentStep.slug, true);
		expect(ok.passed).toBe(true);
		expect(ok.attemptId).not.toBe(failed.attemptId);
		const e = progress.findEnrolment(u.id, slug)!;
		expect(e.status).toBe('completed');
		expect(e.completedAt).not.toBeNull();
		// Replaying the submit changes nothing and issues nothing twice.
		const replay = progress.submitAssessment(u.id, slug, assessmentStep.slug);
		expect(replay.changed).toBe(false);
		const certificates = db.select().from(certificate).where(eq(certificate.userId, u.id)).all();
		expect(certificates).toHaveLength(1);
		expect(certificates[0].attemptId).toBe(ok.attemptId);
		expect(certificates[0].moduleSlug).toBe(slug);
		const attempts = db.select().from(attempt).where(eq(attempt.userId, u.id)).all();
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

describe('durability', () => {
	it('a confirmed answer and its progress are in the file after the database is reopened', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'signaalwijs-progress-'));
		const file = path.join(dir, 'p.db');
		freshDatabase(file);
		syncShippedModules(course);
		const u = await makeUser();
		progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, correctAnswer(firstItem));
		closeDatabase();
		openDatabase(file);
		expect(db.select().from(response).all()).toHaveLength(1);
		expect(db.select().from(enrolment).all()[0].currentStep).toBe(quizStep.slug);
		closeDatabase();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

describe('the refresher', () => {
	const refresher = course.moduleBySlug.get('opfrissing')!;
	const refresherTest = refresher.steps.find((s) => s.meta.kind === 'assessment')!;

	it('stays closed without a certificate in its window and renews one that is', async () => {
		const u = await makeUser();
		expect(() => progress.startModule(u.id, 'opfrissing')).toThrow('learning.refresherLocked');
		// A certificate issued 23 months ago for a 24-month module is inside the 60-day window.
		const issued = Date.now() - 23 * 30.5 * 24 * 3600 * 1000;
		workThrough(u.id, slug, undefined, issued);
		const [old] = db.select().from(certificate).where(eq(certificate.userId, u.id)).all();
		expect(old).toBeDefined();
		workThrough(u.id, 'opfrissing', refresher.steps.length - 1);
		const a = progress.startAssessment(u.id, 'opfrissing', refresherTest.slug);
		expect(a.itemIds).toHaveLength(refresherTest.assessment!.draw);
		takeAssessment(u.id, 'opfrissing', refresherTest.slug, true);
		const all = db.select().from(certificate).where(eq(certificate.userId, u.id)).all();
		const renewed = all.find((c) => c.renewedFromId === old.id);
		expect(renewed?.moduleSlug).toBe(slug);
		expect(renewed!.expiresAt.getTime()).toBeGreaterThan(old.expiresAt.getTime());
	});
});
