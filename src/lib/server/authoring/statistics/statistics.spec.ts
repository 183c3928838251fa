import { beforeEach, describe, expect, it } from 'vitest';
import { syncShippedModules } from '../../content/versions';
import { getCourse } from '../../content/course';
import { correctAnswer, wrongAnswer } from '../../learning/grading';
import * as progress from '../../learning';
import { completeStep, takeAssessment, workThrough } from '../../demo/walkthrough';
import { itemStatistics } from './statistics';
import { itemFigures, type ItemObservation } from './item-stats';
import { db } from '../../db';
import { response } from '../../db/schema';
import { freshDatabase, makeUser } from '../../testing/testing';

const slug = 'wat-en-hoe';
const course = getCourse();
const mod = course.moduleBySlug.get(slug)!;
const quizStep = mod.steps.find((s) => s.meta.kind === 'quiz')!;
const vignetteStep = mod.steps.find((s) => s.meta.kind === 'vignette')!;
const assessmentStep = mod.steps.find((s) => s.meta.kind === 'assessment')!;
const items = quizStep.quiz!.items;

beforeEach(async () => {
	await freshDatabase();
	await syncShippedModules(course);
});

async function stats() {
	return (await itemStatistics(slug))!;
}

describe('itemStatistics', () => {
	it('counts first answers only and computes the facility index per quiz item', async () => {
		const a = await makeUser({ name: 'Amira Geheim' });
		const b = await makeUser({ name: 'Bram Geheim' });
		await progress.startModule(a.id, slug);
		await progress.startModule(b.id, slug);
		for (const item of items) {
			await progress.answerQuizItem(a.id, slug, quizStep.slug, item.id, correctAnswer(item));
			await progress.answerQuizItem(b.id, slug, quizStep.slug, item.id, wrongAnswer(item));
			// Practice after the first answer must not count.
			await progress.answerQuizItem(b.id, slug, quizStep.slug, item.id, correctAnswer(item));
		}
		const result = await stats();
		expect(result.title).toBe(mod.meta.title);
		const first = result.items.find((i) => i.itemId === items[0].id)!;
		expect(first.kind).toBe('item');
		expect(first.responses).toBe(2);
		// One full score and one wrong answer (0 for every item type in wrongAnswer).
		expect(first.facility).toBeCloseTo(0.5, 5);
		expect(first.choices.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(0);
		expect(first.label.length).toBeLessThanOrEqual(90);
		// Aggregates only: no learner name, e-mail or id leaves the module.
		const json = JSON.stringify(result);
		expect(json).not.toContain('Geheim');
		expect(json).not.toContain(a.email);
		expect(json).not.toMatch(/userId|enrolmentId|email/);
	});

	it('gives the choice distribution per vignette node with the choice labels', async () => {
		const a = await makeUser();
		const b = await makeUser();
		for (const u of [a, b]) {
			await progress.startModule(u.id, slug);
			await completeStep(u.id, slug, vignetteStep.slug);
		}
		const vignette = vignetteStep.vignette!;
		const start = (await stats()).items.find((i) => i.itemId === vignette.start)!;
		expect(start.kind).toBe('choice');
		expect(start.responses).toBe(2);
		const labels = vignette.nodes[vignette.start].choices.map((c) => c.label);
		expect(labels.some((l) => l.startsWith(start.choices[0].label.replace('…', '')))).toBe(true);
		expect(start.choices[0].count).toBe(2);
	});

	it('uses only the first submitted assessment attempt per learner', async () => {
		const draw = assessmentStep.assessment!.draw;
		const a = await makeUser();
		const b = await makeUser();
		await workThrough(a.id, slug);
		await workThrough(b.id, slug, mod.steps.indexOf(assessmentStep));
		await takeAssessment(b.id, slug, assessmentStep.slug, false, Date.now() - 48 * 3600 * 1000);
		await takeAssessment(b.id, slug, assessmentStep.slug, true);
		const pool = new Set(assessmentStep.assessment!.pool.map((i) => i.id));
		const assessed = (await stats()).items.filter(
			(i) => i.stepSlug === assessmentStep.slug && pool.has(i.itemId)
		);
		expect(assessed.reduce((n, i) => n + i.responses, 0)).toBe(2 * draw);
		// a passed everything, b failed everything on the first attempt.
		const facilities = assessed.map((i) => i.facility!);
		const mean = assessed.reduce((n, i) => n + i.facility! * i.responses, 0) / (2 * draw);
		expect(mean).toBeCloseTo(0.5, 5);
		expect(facilities.every((f) => f >= 0 && f <= 1)).toBe(true);
	});

	it('gives the same figures as the definitions over the listed responses', async () => {
		// Six learners with different patterns over the quiz items: the rest of the test varies.
		for (let i = 0; i < 6; i++) {
			const u = await makeUser();
			await progress.startModule(u.id, slug);
			for (const [j, item] of items.entries()) {
				const right = (i + j) % 3 !== 0 || (i < 2 && j === 0);
				const answer = right ? correctAnswer(item) : wrongAnswer(item);
				await progress.answerQuizItem(u.id, slug, quizStep.slug, item.id, answer);
			}
		}
		const rows = await db.select().from(response);
		const totals = new Map<number, number>();
		for (const r of rows) totals.set(r.enrolmentId!, (totals.get(r.enrolmentId!) ?? 0) + r.score);
		for (const item of items) {
			const own = rows.filter((r) => r.itemId === item.id);
			const observations: ItemObservation[] = own.map((r) => ({
				score: r.score,
				rest: totals.get(r.enrolmentId!)! - r.score,
				choices: []
			}));
			const expected = itemFigures(observations, own[0].maxScore);
			const got = (await stats()).items.find((i) => i.itemId === item.id)!;
			expect(got.responses).toBe(expected.responses);
			for (const key of [
				'facility',
				'standardDeviation',
				'discrimination',
				'efficiency'
			] as const) {
				if (expected[key] === null) expect(got[key]).toBeNull();
				else expect(got[key]).toBeCloseTo(expected[key]!, 9);
			}
		}
	});

	it('gives the same figures whatever order the learners answered the items in', async () => {
		// The same right/wrong pattern answered front to back and back to front: a test's answers
		// are read in whatever order the database gives them, which must not change a figure.
		const patterns = [
			[true, false, true, true],
			[false, true, true, false],
			[true, true, false, true]
		];
		for (const reversed of [false, true]) {
			for (const pattern of patterns) {
				const u = await makeUser();
				await progress.startModule(u.id, slug);
				const order = [...items.entries()];
				if (reversed) order.reverse();
				for (const [j, item] of order) {
					const answer = pattern[j % pattern.length] ? correctAnswer(item) : wrongAnswer(item);
					await progress.answerQuizItem(u.id, slug, quizStep.slug, item.id, answer);
				}
			}
		}
		const rows = await db.select().from(response);
		const totals = new Map<number, number>();
		for (const r of rows) totals.set(r.enrolmentId!, (totals.get(r.enrolmentId!) ?? 0) + r.score);
		const result = await stats();
		for (const item of items) {
			const own = rows.filter((r) => r.itemId === item.id);
			const expected = itemFigures(
				own.map((r) => ({
					score: r.score,
					rest: totals.get(r.enrolmentId!)! - r.score,
					choices: []
				})),
				own[0].maxScore
			);
			const got = result.items.find((i) => i.itemId === item.id)!;
			expect(got.responses).toBe(6);
			expect(got.choices.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(0);
			for (const key of ['facility', 'discrimination', 'efficiency'] as const) {
				if (expected[key] === null) expect(got[key]).toBeNull();
				else expect(got[key]).toBeCloseTo(expected[key]!, 9);
			}
		}
	});

	it('is undefined for an unknown module and empty for a module nobody took', async () => {
		expect(await itemStatistics('bestaat-niet')).toBeUndefined();
		expect((await stats()).items).toEqual([]);
	});
});
