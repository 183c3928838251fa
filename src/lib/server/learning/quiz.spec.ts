import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db, first as firstRow, transaction } from '../db';
import { response, signalMastery, stepProgress } from '../db/schema';
import { correctAnswer, gradeItem, wrongAnswer } from './grading';
import * as progress from './index';
import { gradeQuizAnswer, writeQuizAnswer } from './quiz';
import { completeStep } from '../demo/walkthrough';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const quizStep = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const firstItem = quizStep.quiz!.items[0];

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

async function responses(userId: number) {
	return await db.select().from(response).where(eq(response.userId, userId));
}

describe('quiz answers', () => {
	it('counts the first answer and keeps later ones as practice', async () => {
		const u = await makeUser();
		const first = await progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			firstItem.id,
			wrongAnswer(firstItem)
		);
		expect(first.counted).toBe(true);
		expect(first.result.score).toBeLessThan(1);
		const again = await progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			firstItem.id,
			correctAnswer(firstItem)
		);
		expect(again.counted).toBe(false);
		expect(again.result.score).toBe(1);
		const rows = await responses(u.id);
		expect(rows.map((r) => r.isFirst)).toEqual([true, false]);
		const e = (await progress.findEnrolment(u.id, slug))!;
		const sp = (await firstRow(
			db
				.select()
				.from(stepProgress)
				.where(and(eq(stepProgress.enrolmentId, e.id), eq(stepProgress.stepSlug, quizStep.slug)))
		))!;
		expect(sp.score).toBe(first.result.score);
	});

	it('shows the latest answer per item on the quiz step, marked as practice after the first', async () => {
		const u = await makeUser();
		const second = quizStep.quiz!.items[1];
		await progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, wrongAnswer(firstItem));
		await progress.answerQuizItem(u.id, slug, quizStep.slug, second.id, correctAnswer(second));
		await progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, wrongAnswer(firstItem));
		await progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			firstItem.id,
			correctAnswer(firstItem)
		);
		const ctx = await progress.moduleContext(u.id, slug);
		const state = await progress.quizState(ctx, progress.stepOf(ctx, quizStep.slug));
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
		const graded = await progress.answerQuizItem(
			u.id,
			slug,
			quizStep.slug,
			item.id,
			correctAnswer(item)
		);
		expect(graded.result.score).toBe(1);
		await progress.answerQuizItem(u.id, slug, quizStep.slug, item.id, correctAnswer(item));
		const mastery = await db.select().from(signalMastery).where(eq(signalMastery.userId, u.id));
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
			await expect(
				progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, answer)
			).rejects.toThrow(progress.ProgressError);
		}
		expect(await responses(u.id)).toHaveLength(0);
		expect(await progress.findEnrolment(u.id, slug)).toBeUndefined();
		await expect(
			progress.answerQuizItem(u.id, slug, quizStep.slug, 'geen-item', { selected: ['a'] })
		).rejects.toThrow('request.notFound');
	});

	it('marks the quiz step done when every item has an answer', async () => {
		const u = await makeUser();
		await completeStep(u.id, slug, quizStep.slug);
		const ctx = await progress.moduleContext(u.id, slug);
		expect(ctx.steps.get(quizStep.slug)?.status).toBe('done');
		expect(ctx.enrolment?.stepsDone).toBe(1);
	});

	it("keeps learners apart: one learner's answers never touch another's enrolment", async () => {
		const a = await makeUser();
		const b = await makeUser();
		await progress.answerQuizItem(
			a.id,
			slug,
			quizStep.slug,
			firstItem.id,
			correctAnswer(firstItem)
		);
		await progress.answerQuizItem(b.id, slug, quizStep.slug, firstItem.id, wrongAnswer(firstItem));
		const ea = (await progress.findEnrolment(a.id, slug))!;
		const eb = (await progress.findEnrolment(b.id, slug))!;
		expect(ea.id).not.toBe(eb.id);
		expect((await responses(a.id)).every((r) => r.enrolmentId === ea.id)).toBe(true);
		expect(
			(await progress.quizState(await progress.moduleContext(a.id, slug), quizStep)).get(
				firstItem.id
			)?.result.score
		).toBe(1);
	});

	it('counts one first answer when the same learner answers on several servers at once', async () => {
		// Each call is its own transaction (on PostgreSQL, its own connection): what two
		// application servers do when one learner's answers reach both of them.
		const u = await makeUser();
		await progress.startModule(u.id, slug);
		const answers = [correctAnswer(firstItem), wrongAnswer(firstItem)];
		const outcomes = await Promise.all(
			[0, 1, 2, 3].map((i) =>
				progress.answerQuizItem(u.id, slug, quizStep.slug, firstItem.id, answers[i % 2])
			)
		);
		expect(outcomes.filter((o) => o.counted)).toHaveLength(1);
		const rows = await responses(u.id);
		expect(rows).toHaveLength(4);
		expect(rows.filter((r) => r.isFirst)).toHaveLength(1);
	});

	it('counts one first answer on several servers at once when the form’s enrolment is locked with the answer', async () => {
		// The answer form's way (learning/durable.ts): the enrolment read first, then locked by the
		// statement that moves its position, in the round trip of the answer's writes.
		const u = await makeUser();
		await progress.startModule(u.id, slug);
		const seen = (await progress.findEnrolment(u.id, slug))!;
		const answers = [correctAnswer(firstItem), wrongAnswer(firstItem)];
		const outcomes = await Promise.all(
			[0, 1, 2, 3].map(async (i) => {
				const graded = await gradeQuizAnswer(seen, quizStep.slug, firstItem.id, answers[i % 2]);
				return await transaction(() => writeQuizAnswer(u.id, slug, graded, Date.now(), true));
			})
		);
		expect(outcomes.filter((o) => o.counted)).toHaveLength(1);
		const rows = await responses(u.id);
		expect(rows).toHaveLength(4);
		expect(rows.filter((r) => r.isFirst)).toHaveLength(1);
		expect((await progress.findEnrolment(u.id, slug))!.currentStep).toBe(quizStep.slug);
	});
});
