// Vignette steps (branching cases): the learner's run through the case, their choices with
// feedback, and replaying it as practice. Only the first run counts for the score.
import { and, asc, eq } from 'drizzle-orm';
import type { Vignette } from '$lib/content/schema';
import { db, transaction } from '../db';
import { response } from '../db/schema';
import type { StepSnapshot } from '../content/versions';
import { failure } from '../platform/failure';
import { notFound, ProgressError } from './errors';
import { moduleContext, startedModuleContext, type ModuleContext } from './enrolment';
import { prunePractice, recordMastery, refreshEnrolment, touchProgress } from './records';

export interface PathEntry {
	nodeId: string;
	choiceLabel: string;
	feedback: string;
	score: number;
	maxScore: number;
}

export interface VignetteState {
	/** A node id, or an ending id when the case is finished. */
	current: string;
	ended: boolean;
	/** The choices made in this run through the case, each with its feedback. */
	path: PathEntry[];
	firstRunDone: boolean;
}

function nodeMax(vignette: Vignette, nodeId: string): number {
	return Math.max(...vignette.nodes[nodeId].choices.map((c) => c.score));
}

export async function vignetteState(
	ctx: ModuleContext,
	step: StepSnapshot
): Promise<VignetteState> {
	const vignette = step.vignette!;
	const progress = ctx.steps.get(step.slug);
	const current = progress?.currentNode ?? vignette.start;
	const rows = ctx.enrolment
		? await db
				.select({
					itemId: response.itemId,
					answer: response.answer,
					score: response.score,
					maxScore: response.maxScore
				})
				.from(response)
				.where(and(eq(response.enrolmentId, ctx.enrolment.id), eq(response.stepSlug, step.slug)))
				.orderBy(asc(response.id))
		: [];
	// The current run starts at the last choice made at the start node.
	let from = -1;
	rows.forEach((r, i) => {
		if (r.itemId === vignette.start) from = i;
	});
	const run = from >= 0 && current !== vignette.start ? rows.slice(from) : [];
	const path = run.map((r) => {
		const choice = vignette.nodes[r.itemId]?.choices[(r.answer as { choice: number }).choice];
		return {
			nodeId: r.itemId,
			choiceLabel: choice?.label ?? '',
			feedback: choice?.feedback ?? '',
			score: r.score,
			maxScore: r.maxScore
		};
	});
	return {
		current,
		ended: current in vignette.endings,
		path,
		firstRunDone: progress?.status === 'done'
	};
}

export interface ChoiceOutcome {
	feedback: string;
	next: string;
	ended: boolean;
}

/**
 * Records a vignette choice. `nodeId` must be the node the learner is at: a replayed or stale
 * form (another tab, the back button) changes nothing.
 */
export async function chooseInVignette(
	userId: number,
	slug: string,
	stepSlug: string,
	nodeId: string,
	choiceIndex: number,
	now = Date.now()
): Promise<ChoiceOutcome> {
	return await transaction(async () => {
		const ctx = await startedModuleContext(userId, slug, now);
		const e = ctx.enrolment;
		const step = ctx.version.stepBySlug.get(stepSlug);
		if (!step?.vignette) throw notFound();
		const vignette = step.vignette;
		const progress = ctx.steps.get(stepSlug);
		const current = progress?.currentNode ?? vignette.start;
		if (nodeId !== current) throw new ProgressError(409, failure('learning.vignetteMoved'));
		const node = vignette.nodes[current];
		const choice = node?.choices[choiceIndex];
		if (!node || !choice || !Number.isInteger(choiceIndex))
			throw new ProgressError(400, failure('learning.answerInvalid'));
		const firstRun = progress?.status !== 'done';
		const max = nodeMax(vignette, current);
		const best = choice.score >= max;
		const signals = node.signals ?? [];
		await db.insert(response).values({
			userId,
			enrolmentId: e.id,
			moduleVersionId: e.moduleVersionId,
			stepSlug,
			itemId: current,
			kind: 'choice',
			answer: { choice: choiceIndex, next: choice.next },
			score: choice.score,
			maxScore: max,
			signalsHit: best ? signals : [],
			signalsMissed: best ? [] : signals,
			isFirst: firstRun,
			createdAt: new Date(now)
		});
		if (firstRun) await recordMastery(userId, best ? signals : [], best ? [] : signals, now);
		else await prunePractice(e.id, stepSlug, current);
		const ended = choice.next in vignette.endings;
		const score = (progress?.score ?? 0) + (firstRun ? choice.score : 0);
		const maxScore = (progress?.maxScore ?? 0) + (firstRun ? max : 0);
		await touchProgress(
			e.id,
			stepSlug,
			{
				status: ended || progress?.status === 'done' ? 'done' : 'started',
				currentNode: choice.next,
				score: firstRun ? score : (progress?.score ?? 0),
				maxScore: firstRun ? maxScore : (progress?.maxScore ?? 0)
			},
			now
		);
		await refreshEnrolment(e, stepSlug, now);
		return { feedback: choice.feedback, next: choice.next, ended };
	});
}

/** Starts the case again from the beginning; the new run is practice. */
export async function restartVignette(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): Promise<void> {
	await transaction(async () => {
		const ctx = await moduleContext(userId, slug);
		const step = ctx.version.stepBySlug.get(stepSlug);
		if (!ctx.enrolment || !step?.vignette) throw notFound();
		const progress = ctx.steps.get(stepSlug);
		if (!progress) return;
		await touchProgress(
			ctx.enrolment.id,
			stepSlug,
			{ currentNode: step.vignette.start, status: progress.status },
			now
		);
	});
}
