import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db, durableWrite, engine, writeQueueStats } from '../db';
import { organisation, response } from '../db/schema';
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

	it('gives every learner of a crowded batch the right first answers, in order', async () => {
		const learners = await Promise.all(Array.from({ length: 8 }, () => makeUser()));
		const before = writeQueueStats();
		const results = await Promise.all(
			[itemA, itemA, itemB].flatMap((item) =>
				learners.map((u) =>
					recordQuizAnswer(u.id, slug, quizStep.slug, item.id, correctAnswer(item))
				)
			)
		);
		expect(writeQueueStats().batches - before.batches).toBe(1);
		// Answers came in item by item, so each learner's are at n, n + 8 and n + 16.
		for (const [n, u] of learners.entries()) {
			expect([results[n], results[n + 8], results[n + 16]].map((r) => r.counted)).toEqual([
				true,
				false,
				true
			]);
			expect((await answersOf(u.id)).sort()).toEqual([itemA.id, itemA.id, itemB.id].sort());
		}
	});

	it('lets other learners write while one waits on the database, never the same learner', async () => {
		const steps: string[] = [];
		const write = (who: string, key: string) =>
			durableWrite(async () => {
				steps.push(`${who} begint`);
				await db.select().from(response).limit(1);
				steps.push(`${who} klaar`);
			}, key);
		await Promise.all([
			write('ann 1', 'learner:ann'),
			write('ann 2', 'learner:ann'),
			write('bart', 'learner:bart')
		]);
		const at = (step: string) => steps.indexOf(step);
		// One learner's writes never overlap, on either engine.
		expect(at('ann 2 begint')).toBeGreaterThan(at('ann 1 klaar'));
		if (engine === 'postgres') {
			// PostgreSQL: Bart's write was sent while Ann's first still waited for its answer.
			expect(at('bart begint')).toBeLessThan(at('ann 1 klaar'));
		} else {
			// SQLite: one connection that never waits, so the writes simply take turns.
			expect(steps).toEqual([
				'ann 1 begint',
				'ann 1 klaar',
				'ann 2 begint',
				'ann 2 klaar',
				'bart begint',
				'bart klaar'
			]);
		}
	});

	it('keeps the other learners’ writes when the database refuses one of a crowded batch', async () => {
		const named = (name: string) =>
			db.select().from(organisation).where(eq(organisation.name, name));
		const write = (key: string, name: string | null) =>
			durableWrite(async () => {
				await db.select().from(response).limit(1);
				// A name of null breaks NOT NULL: the database refuses it, not the code.
				await db.insert(organisation).values({ name: name as string });
			}, key);
		const outcomes = await Promise.allSettled([
			write('learner:ann', 'Eerste school'),
			write('learner:bart', null),
			write('learner:cas', 'Tweede school'),
			write('learner:ann', 'Derde school')
		]);
		expect(outcomes.map((o) => o.status)).toEqual([
			'fulfilled',
			'rejected',
			'fulfilled',
			'fulfilled'
		]);
		for (const name of ['Eerste school', 'Tweede school', 'Derde school'])
			expect(await named(name)).toHaveLength(1);
	});
});
