import { beforeEach, describe, expect, it } from 'vitest';
import { getCourse } from '../../content/course';
import { correctAnswer, wrongAnswer } from '../../learning/grading';
import * as progress from '../../learning';
import { freshDatabase, makeMember, makeOrganisation, syncCourse } from '../../testing/testing';
import { addMembership } from '../../organisations/organisations';
import { statisticsScope, trainerStatistics, type TrainerStatistics } from './scope';
import { itemStatistics } from './statistics';

const slug = 'wat-en-hoe';
const quizStep = getCourse()
	.moduleBySlug.get(slug)!
	.steps.find((s) => s.meta.kind === 'quiz')!;
const item = quizStep.quiz!.items[0];

let sintJans: number;
let horizon: number;

async function trainer(organisation: number, admin = false) {
	const { id } = await makeMember({ organisation, role: 'trainer' });
	return {
		id,
		roles: admin ? ['trainer', 'admin'] : ['trainer'],
		memberships: [{ organisationId: organisation, role: 'trainer' }]
	};
}

/** `n` learners of an organisation answer the first quiz item, all right or all wrong. */
async function answer(organisation: number, n: number, right: boolean) {
	for (let i = 0; i < n; i++) {
		const { id } = await makeMember({ organisation });
		await progress.startModule(id, slug);
		const given = right ? correctAnswer(item) : wrongAnswer(item);
		await progress.answerQuizItem(id, slug, quizStep.slug, item.id, given);
	}
}

const figures = (s: TrainerStatistics | undefined) => s!.items.find((i) => i.itemId === item.id);

beforeEach(async () => {
	await freshDatabase();
	await syncCourse();
	sintJans = await makeOrganisation('Sint-Jans');
	horizon = await makeOrganisation('Horizon');
	// Five Sint-Jans learners answer right, four Horizon learners answer wrong.
	await answer(sintJans, 5, true);
	await answer(horizon, 4, false);
});

describe('trainer statistics across organisations', () => {
	it("the Sint-Jans trainer sees only Sint-Jans learners' answers, never Horizon's", async () => {
		const stats = await trainerStatistics(slug, statisticsScope(await trainer(sintJans)));
		expect(stats!.tooFew).toBe(false);
		expect(figures(stats)?.responses).toBe(5);
		expect(figures(stats)?.facility).toBeCloseTo(1, 5);
		// Horizon's wrong answers would show up as chosen wrong options.
		const wrong = wrongAnswer(item);
		const chosen = JSON.stringify(figures(stats)?.choices);
		for (const id of 'selected' in wrong && Array.isArray(wrong.selected) ? wrong.selected : []) {
			expect(chosen).not.toContain(`"${id}"`);
		}
	});

	it('shows no figures for a module with four learners in scope', async () => {
		const stats = await trainerStatistics(slug, statisticsScope(await trainer(horizon)));
		expect(stats!.tooFew).toBe(true);
		expect(stats!.items).toEqual([]);
		expect(stats!.gain).toBeNull();
		expect(stats!.title).toBe(getCourse().moduleBySlug.get(slug)!.meta.title);
	});

	it('a trainer without organisations sees no figures', async () => {
		const stats = await trainerStatistics(
			slug,
			statisticsScope({ id: 0, roles: [], memberships: [] })
		);
		expect(stats!.tooFew).toBe(true);
		expect((await itemStatistics(slug, []))!.items).toEqual([]);
	});

	it('a platform admin who trains sees every learner', async () => {
		const stats = await trainerStatistics(slug, statisticsScope(await trainer(horizon, true)));
		expect(figures(stats)?.responses).toBe(9);
		expect(figures(stats)?.facility).toBeCloseTo(5 / 9, 5);
	});

	it('scopes in SQL: the scoped item statistics count only members of the organisations', async () => {
		const scoped = (await itemStatistics(slug, [horizon]))!.items.find((i) => i.itemId === item.id);
		expect(scoped?.responses).toBe(4);
		expect(scoped?.facility).toBe(0);
		const both = (await itemStatistics(slug, [horizon, sintJans]))!.items.find(
			(i) => i.itemId === item.id
		);
		expect(both?.responses).toBe(9);
	});

	it('counts a learner who belongs to two organisations of the scope once', async () => {
		const { id } = await makeMember({ organisation: horizon });
		await addMembership({ userId: id, organisationId: sintJans, role: 'learner' });
		await progress.startModule(id, slug);
		await progress.answerQuizItem(id, slug, quizStep.slug, item.id, wrongAnswer(item));
		const both = (await itemStatistics(slug, [horizon, sintJans]))!.items.find(
			(i) => i.itemId === item.id
		);
		expect(both?.responses).toBe(10);
		expect(both?.facility).toBeCloseTo(5 / 10, 5);
	});
});
