import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db, writeQueueStats } from '../db';
import { response } from '../db/schema';
import { correctAnswer } from './grading';
import { recordQuizAnswer } from './durable';

const slug = 'wat-en-hoe';
const course = getCourse();
const quizStep = course.moduleBySlug.get(slug)!.steps.find((s) => s.meta.kind === 'quiz')!;
const [itemA, itemB] = quizStep.quiz!.items;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

const answersOf = async (userId: number) =>
	(await db.select().from(response).where(eq(response.userId, userId))).map((r) => r.itemId);

describe('answers through the group commit', () => {
	it('commits the answers of one batch together, and a refused one alone is left out', async () => {
		const [ann, bart, cas] = [await makeUser(), await makeUser(), await makeUser()];
		const before = writeQueueStats();
		const outcomes = await Promise.allSettled([
			recordQuizAnswer(ann.id, slug, quizStep.slug, itemA.id, correctAnswer(itemA)),
			recordQuizAnswer(bart.id, slug, quizStep.slug, 'bestaat-niet', correctAnswer(itemA)),
			recordQuizAnswer(cas.id, slug, quizStep.slug, itemB.id, correctAnswer(itemB)),
			recordQuizAnswer(ann.id, slug, quizStep.slug, itemB.id, correctAnswer(itemB))
		]);
		expect(outcomes.map((o) => o.status)).toEqual([
			'fulfilled',
			'rejected',
			'fulfilled',
			'fulfilled'
		]);
		// One batch, tried once without savepoints and once more with them after the refusal.
		expect(writeQueueStats().batches - before.batches).toBe(1);
		expect((await answersOf(ann.id)).sort()).toEqual([itemA.id, itemB.id].sort());
		expect(await answersOf(bart.id)).toEqual([]);
		expect(await answersOf(cas.id)).toEqual([itemB.id]);
	});

	it('keeps one learner’s answers in the order they came', async () => {
		const u = await makeUser();
		const results = await Promise.all(
			[itemA, itemA, itemA].map((item) =>
				recordQuizAnswer(u.id, slug, quizStep.slug, item.id, correctAnswer(item))
			)
		);
		expect(results.map((r) => r.counted)).toEqual([true, false, false]);
	});
});
