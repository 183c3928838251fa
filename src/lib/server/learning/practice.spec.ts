// Issue 16, finding 12: practice answers cannot add rows without limit. The first answer (the
// one that counts) stays, the newest practice answers stay, older practice answers go.
import { beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { freshDatabase, makeUser } from '../testing/testing';
import { syncShippedModules } from '../content/versions';
import { getCourse } from '../content/course';
import { db } from '../db';
import { response } from '../db/schema';
import { correctAnswer, wrongAnswer } from './grading';
import * as progress from './index';
import { practiceKept } from './records';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const quizStep = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const [item, other] = quizStep.quiz!.items;
const vignetteStep = mod.steps.find((s) => s.meta.kind === 'vignette')!;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

async function rows(userId: number, itemId: string) {
	return await db
		.select()
		.from(response)
		.where(and(eq(response.userId, userId), eq(response.itemId, itemId)))
		.orderBy(asc(response.id));
}

describe('practice answers', () => {
	it('keeps the counted first answer and only the newest practice answers of an item', async () => {
		const u = await makeUser();
		const answer = async (a: ReturnType<typeof correctAnswer>) =>
			await progress.answerQuizItem(u.id, slug, quizStep.slug, item.id, a);
		expect((await answer(wrongAnswer(item))).counted).toBe(true);
		for (let i = 0; i < 200; i++) await answer(i % 2 ? correctAnswer(item) : wrongAnswer(item));
		await progress.answerQuizItem(u.id, slug, quizStep.slug, other.id, correctAnswer(other));
		const kept = await rows(u.id, item.id);
		expect(kept).toHaveLength(1 + practiceKept);
		expect(kept[0]).toMatchObject({ isFirst: true, score: 0 });
		expect(kept.slice(1).every((r) => !r.isFirst)).toBe(true);
		// The newest practice answer (number 200, a right one) is still the one the step shows.
		const last = await answer(correctAnswer(item));
		expect(last.counted).toBe(false);
		expect(await rows(u.id, item.id)).toHaveLength(1 + practiceKept);
		expect(await rows(u.id, other.id)).toHaveLength(1);
		const ctx = await progress.moduleContext(u.id, slug);
		const state = await progress.quizState(ctx, ctx.version.stepBySlug.get(quizStep.slug)!);
		expect(state.get(item.id)).toMatchObject({ counted: false });
		expect(state.get(item.id)!.result.score).toBe(1);
	});

	it('caps the rows of a vignette replayed again and again', async () => {
		const u = await makeUser();
		const v = vignetteStep.vignette!;
		const play = async () => {
			let node = v.start;
			while (!(node in v.endings)) {
				node = (await progress.chooseInVignette(u.id, slug, vignetteStep.slug, node, 0)).next;
			}
		};
		await play();
		const firstRun = await rows(u.id, v.start);
		expect(firstRun).toHaveLength(1);
		for (let i = 0; i < 40; i++) {
			await progress.restartVignette(u.id, slug, vignetteStep.slug);
			await play();
		}
		const kept = await rows(u.id, v.start);
		expect(kept).toHaveLength(1 + practiceKept);
		expect(kept[0].isFirst).toBe(true);
	});
});
