// Works through module steps with the real progress functions, giving the right answers: used by
// the demo seed and by tests that need a learner at a certain point of a module.
import { loadVersion } from '../content/versions';
import { correctAnswer, wrongAnswer } from '../learning/grading';
import * as progress from '../learning';
import * as pretest from '../learning/pretest';

/** `wrongEvery` n > 0 answers every n-th quiz item wrong (more lifelike demo data). */
export async function completeStep(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now(),
	wrongEvery = 0
): Promise<void> {
	const ctx = await progress.moduleContext(userId, slug);
	const step = progress.stepOf(ctx, stepSlug);
	switch (step.meta.kind) {
		case 'lesson':
			await progress.completeLesson(userId, slug, stepSlug, now);
			return;
		case 'quiz':
			for (const [i, item] of step.quiz!.items.entries()) {
				const wrong = wrongEvery > 0 && i % wrongEvery === wrongEvery - 1;
				const answer = wrong ? wrongAnswer(item) : correctAnswer(item);
				await progress.answerQuizItem(userId, slug, stepSlug, item.id, answer, now);
			}
			return;
		case 'vignette': {
			const vignette = step.vignette!;
			let node = (await progress.vignetteState(await progress.moduleContext(userId, slug), step))
				.current;
			while (node in vignette.nodes) {
				const choices = vignette.nodes[node].choices;
				const best = choices.reduce((a, b, i) => (b.score > choices[a].score ? i : a), 0);
				node = (await progress.chooseInVignette(userId, slug, stepSlug, node, best, now)).next;
			}
			return;
		}
		case 'assessment':
			await takeAssessment(userId, slug, stepSlug, true, now);
	}
}

export async function takeAssessment(
	userId: number,
	slug: string,
	stepSlug: string,
	pass: boolean,
	now = Date.now()
): Promise<progress.SubmitOutcome> {
	const attempt = await progress.startAssessment(userId, slug, stepSlug, now);
	const ctx = await progress.moduleContext(userId, slug);
	const pool = progress.stepOf(ctx, stepSlug).assessment!.pool;
	for (const id of attempt.itemIds) {
		const item = pool.find((i) => i.id === id)!;
		const answer = pass ? correctAnswer(item) : wrongAnswer(item);
		await progress.answerAssessmentItem(userId, slug, stepSlug, id, answer, now);
	}
	return await progress.submitAssessment(userId, slug, stepSlug, now);
}

/** Completes the first `count` steps (all steps when omitted), in order. */
export async function workThrough(
	userId: number,
	slug: string,
	count?: number,
	now = Date.now(),
	wrongEvery = 0
): Promise<void> {
	await progress.startModule(userId, slug, now);
	const e = (await progress.findEnrolment(userId, slug))!;
	const steps = (await loadVersion(e.moduleVersionId))!.module.steps;
	for (const step of steps.slice(0, count ?? steps.length)) {
		await completeStep(userId, slug, step.slug, now, wrongEvery);
	}
}

/** Takes the module's pre-test with the first `right` drawn items answered correctly. */
export async function takePretest(
	userId: number,
	slug: string,
	right: number,
	now = Date.now()
): Promise<void> {
	const attempt = await pretest.startPretest(userId, slug, now);
	const ctx = await progress.moduleContext(userId, slug);
	const pool = ctx.version.module.steps.find((s) => s.assessment)!.assessment!.pool;
	for (const [i, id] of attempt.itemIds.entries()) {
		const item = pool.find((p) => p.id === id)!;
		const answer = i < right ? correctAnswer(item) : wrongAnswer(item);
		await pretest.answerPretestItem(userId, slug, id, answer, now);
	}
	await pretest.submitPretest(userId, slug, now);
}
