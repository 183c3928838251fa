import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db, durableWrite, engine, writeQueueStats } from '../db';
import { enrolment, organisation, response, stepProgress } from '../db/schema';
import { correctAnswer } from './grading';
import { recordQuizAnswer } from './durable';
import { findEnrolment, startModule } from './enrolment';
import { practiceKept } from './records';

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

	it('starts a learner’s pipelined write before the one before it has its answers, on PostgreSQL', async () => {
		const steps: string[] = [];
		const write = (who: string, pipelined: boolean) =>
			durableWrite(
				async () => {
					steps.push(`${who} begint`);
					await db.select().from(response).limit(1);
					steps.push(`${who} klaar`);
				},
				'learner:ann',
				{ pipelined }
			);
		await Promise.all([write('1', true), write('2', true), write('3', false)]);
		const at = (step: string) => steps.indexOf(step);
		if (engine === 'postgres') expect(at('2 begint')).toBeLessThan(at('1 klaar'));
		else expect(at('2 begint')).toBeGreaterThan(at('1 klaar'));
		// A write that is not pipelined waits for all before it, on either engine.
		expect(at('3 begint')).toBeGreaterThan(Math.max(at('1 klaar'), at('2 klaar')));
	});
});

describe('answers with the enrolment read before (the answer form)', () => {
	const items = quizStep.quiz!.items;

	it('counts each item’s first answer once and keeps the newest practice answers, in one batch', async () => {
		const u = await makeUser();
		await startModule(u.id, slug);
		const seen = (await findEnrolment(u.id, slug))!;
		const before = writeQueueStats();
		const repeats = practiceKept + 5;
		const answers = [
			...Array.from({ length: repeats }, () => itemA),
			...items.filter((item) => item !== itemA)
		];
		const results = await Promise.all(
			answers.map((item) =>
				recordQuizAnswer(u.id, slug, quizStep.slug, item.id, correctAnswer(item), seen)
			)
		);
		expect(writeQueueStats().batches - before.batches).toBe(1);
		expect(results.map((r) => r.counted)).toEqual(
			answers.map((item, i) => item !== itemA || i === 0)
		);
		// The first answer to item A and its newest practice answers; the oldest were pruned.
		const rowsA = (await answersOf(u.id)).filter((id) => id === itemA.id);
		expect(rowsA).toHaveLength(1 + practiceKept);
		// Every item answered right once: the quiz step is done with full marks.
		const [progress] = await db
			.select()
			.from(stepProgress)
			.where(eq(stepProgress.enrolmentId, seen.id));
		expect(progress).toMatchObject({
			stepSlug: quizStep.slug,
			status: 'done',
			score: items.length,
			maxScore: items.length
		});
		expect((await findEnrolment(u.id, slug))!).toMatchObject({
			id: seen.id,
			currentStep: quizStep.slug,
			stepsDone: 1
		});
	});

	it('records the answer on the learner’s new enrolment when it changed after the read', async () => {
		const u = await makeUser();
		await startModule(u.id, slug);
		const seen = (await findEnrolment(u.id, slug))!;
		// The module started anew after the form was read: another enrolment row.
		await db.delete(enrolment).where(eq(enrolment.id, seen.id));
		const newer = await startModule(u.id, slug);
		expect(newer.id).not.toBe(seen.id);
		const outcome = await recordQuizAnswer(
			u.id,
			slug,
			quizStep.slug,
			itemA.id,
			correctAnswer(itemA),
			seen
		);
		expect(outcome.counted).toBe(true);
		const rows = await db.select().from(response).where(eq(response.userId, u.id));
		expect(rows.map((r) => r.enrolmentId)).toEqual([newer.id]);
	});

	it('starts the module again when the enrolment read was erased before the write', async () => {
		const u = await makeUser();
		await startModule(u.id, slug);
		const seen = (await findEnrolment(u.id, slug))!;
		await db.delete(enrolment).where(eq(enrolment.id, seen.id));
		const [outcome, other] = await Promise.all([
			recordQuizAnswer(u.id, slug, quizStep.slug, itemA.id, correctAnswer(itemA), seen),
			recordQuizAnswer(u.id, slug, quizStep.slug, itemB.id, correctAnswer(itemB))
		]);
		expect([outcome.counted, other.counted]).toEqual([true, true]);
		const now = (await findEnrolment(u.id, slug))!;
		expect(now.id).not.toBe(seen.id);
		const rows = await db.select().from(response).where(eq(response.userId, u.id));
		expect(rows.map((r) => r.enrolmentId)).toEqual([now.id, now.id]);
	});
});
