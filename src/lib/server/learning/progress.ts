// A learner's path through a module: enrolment per module version, step progress, answers,
// vignette choices and the final assessment. Every answer is written in one transaction with
// the progress it changes, so a confirmed answer survives a crash with its progress.
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Item, Vignette } from '$lib/content/schema';
import type { Answer, ItemResult } from '$lib/content/views';
import { db, transaction } from '../db';
import { prepared } from '../db/prepared';
import {
	attempt,
	enrolment,
	response,
	stepProgress,
	type Attempt,
	type Enrolment,
	type StepProgress
} from '../db/schema';
import {
	loadVersion,
	newestVisibleVersionId,
	type LoadedVersion,
	type StepSnapshot
} from '../content/versions';
import { AnswerError, answerFromForm, gradeItem } from './grading';
import { issueOnPass, missedSignalWeights, refresherStatus } from '../certificates/certificates';
import { drawAdaptive } from './refresher-draw';
import { onAssessmentSubmitted } from '../lti/passback';
import { getCourse } from '../content/course';
import { itemSignalIds } from '$lib/content/schema';

export type ProgressErrorCode = 'not-found' | 'locked' | 'bad-answer' | 'conflict';

/** A refusal the route turns into a status and a Dutch message; nothing was stored. */
export class ProgressError extends Error {
	constructor(
		readonly code: ProgressErrorCode,
		readonly detail = ''
	) {
		super(`${code}${detail ? `: ${detail}` : ''}`);
	}
}

const selectEnrolment = prepared((database) =>
	database
		.select()
		.from(enrolment)
		.where(
			and(
				eq(enrolment.userId, sql.placeholder('userId')),
				eq(enrolment.moduleSlug, sql.placeholder('slug'))
			)
		)
		.orderBy(desc(enrolment.id))
		.limit(1)
		.prepare()
);

const selectSteps = prepared((database) =>
	database
		.select()
		.from(stepProgress)
		.where(eq(stepProgress.enrolmentId, sql.placeholder('enrolmentId')))
		.prepare()
);

export function findEnrolment(userId: number, slug: string): Enrolment | undefined {
	return selectEnrolment().get({ userId, slug });
}

export interface ModuleContext {
	version: LoadedVersion;
	enrolment: Enrolment | undefined;
	steps: Map<string, StepProgress>;
}

/** The version a learner sees: the one they are enrolled in, or the newest for a new start. */
export function moduleContext(userId: number, slug: string): ModuleContext {
	const found = findEnrolment(userId, slug);
	const versionId = found?.moduleVersionId ?? newestVisibleVersionId(slug, userId);
	const version = versionId === undefined ? undefined : loadVersion(versionId);
	if (!version) throw new ProgressError('not-found', slug);
	const steps = new Map(
		found
			? selectSteps()
					.all({ enrolmentId: found.id })
					.map((s) => [s.stepSlug, s])
			: []
	);
	return { version, enrolment: found, steps };
}

export function stepOf(ctx: ModuleContext, stepSlug: string): StepSnapshot {
	const step = ctx.version.stepBySlug.get(stepSlug);
	if (!step) throw new ProgressError('not-found', stepSlug);
	return step;
}

/** Required steps (everything but the assessment unless marked optional) still to do. */
export function missingForAssessment(ctx: ModuleContext): StepSnapshot[] {
	return ctx.version.module.steps.filter(
		(s) =>
			s.meta.kind !== 'assessment' && s.meta.required && ctx.steps.get(s.slug)?.status !== 'done'
	);
}

/**
 * Where "verder gaan" leads: the step last worked on while it is unfinished (a vignette half
 * way), else the first unfinished step after it, else the first unfinished step at all.
 */
export function resumeStep(e: Enrolment): string | null {
	const version = loadVersion(e.moduleVersionId);
	if (!version) return e.currentStep;
	const done = new Set(
		selectSteps()
			.all({ enrolmentId: e.id })
			.filter((s) => s.status === 'done')
			.map((s) => s.stepSlug)
	);
	const steps = version.module.steps.map((s) => s.slug);
	const from = Math.max(0, e.currentStep ? steps.indexOf(e.currentStep) : 0);
	const next =
		steps.slice(from).find((slug) => !done.has(slug)) ?? steps.find((slug) => !done.has(slug));
	return next ?? e.currentStep ?? steps[0] ?? null;
}

/** Starts (or returns) the learner's enrolment in the module's newest version. Idempotent. */
export function startModule(userId: number, slug: string, now = Date.now()): Enrolment {
	const existing = findEnrolment(userId, slug);
	if (existing) return existing;
	const versionId = newestVisibleVersionId(slug, userId);
	const version = versionId === undefined ? undefined : loadVersion(versionId);
	if (!version) throw new ProgressError('not-found', slug);
	if (refresherLocked(version, userId, now)) throw new ProgressError('locked', 'refresher');
	const first = version.module.steps[0]?.slug ?? null;
	db.insert(enrolment)
		.values({
			userId,
			moduleVersionId: version.row.id,
			moduleSlug: slug,
			currentStep: first,
			stepsTotal: version.module.steps.length,
			startedAt: new Date(now),
			updatedAt: new Date(now)
		})
		.onConflictDoNothing()
		.run();
	return findEnrolment(userId, slug)!;
}

function touchProgress(
	enrolmentId: number,
	stepSlug: string,
	values: Partial<Pick<StepProgress, 'status' | 'currentNode' | 'score' | 'maxScore'>>,
	now: number
): void {
	db.insert(stepProgress)
		.values({
			enrolmentId,
			stepSlug,
			status: values.status ?? 'started',
			currentNode: values.currentNode ?? null,
			score: values.score ?? 0,
			maxScore: values.maxScore ?? 0,
			updatedAt: new Date(now)
		})
		.onConflictDoUpdate({
			target: [stepProgress.enrolmentId, stepProgress.stepSlug],
			set: { ...values, updatedAt: new Date(now) }
		})
		.run();
}

// The answer path runs these on every answer: prepared once per database (stack.md: a built
// Drizzle query costs ~36 µs, a prepared statement ~6 µs).
const countDone = prepared((database) =>
	database.$client.prepare<[number], { n: number }>(
		"select count(*) as n from step_progress where enrolment_id = ? and status = 'done'"
	)
);
const updateEnrolmentPosition = prepared((database) =>
	database.$client.prepare<[string, number, number, number]>(
		'update enrolment set current_step = ?, steps_done = ?, updated_at = ? where id = ?'
	)
);
const upsertMastery = prepared((database) =>
	database.$client.prepare<[number, string, number, number]>(
		`insert into signal_mastery (user_id, signal_id, seen, correct, updated_at) values (?, ?, 1, ?, ?)
		on conflict (user_id, signal_id) do update set seen = seen + 1,
			correct = correct + excluded.correct, updated_at = excluded.updated_at`
	)
);
const priorQuizAnswer = prepared((database) =>
	database.$client.prepare<[number, string, string], { one: number }>(
		`select 1 as one from response where enrolment_id = ? and step_slug = ? and item_id = ?
		and attempt_id is null limit 1`
	)
);
const firstQuizScores = prepared((database) =>
	database.$client.prepare<[number, string], { n: number; score: number }>(
		`select count(*) as n, coalesce(sum(score), 0) as score from response
		where enrolment_id = ? and step_slug = ? and is_first = 1 and attempt_id is null`
	)
);

function refreshEnrolment(e: Enrolment, stepSlug: string, now: number): void {
	const done = countDone().get(e.id)!.n;
	updateEnrolmentPosition().run(stepSlug, done, now, e.id);
}

function recordMastery(userId: number, hit: string[], missed: string[], now: number): void {
	const upsert = upsertMastery();
	for (const signalId of hit) upsert.run(userId, signalId, 1, now);
	for (const signalId of missed) upsert.run(userId, signalId, 0, now);
}

/** Marks a lesson as read. */
export function completeLesson(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): void {
	transaction(() => {
		const e = startModule(userId, slug, now);
		const version = loadVersion(e.moduleVersionId)!;
		const step = version.stepBySlug.get(stepSlug);
		if (!step || step.meta.kind !== 'lesson') throw new ProgressError('not-found', stepSlug);
		touchProgress(e.id, stepSlug, { status: 'done' }, now);
		refreshEnrolment(e, stepSlug, now);
	});
}

function findItem(step: StepSnapshot, itemId: string): Item {
	const item = step.quiz?.items.find((i) => i.id === itemId);
	if (!item) throw new ProgressError('not-found', itemId);
	return item;
}

export function grade(item: Item, answer: Answer) {
	try {
		return gradeItem(item, answer);
	} catch (e) {
		if (e instanceof AnswerError)
			throw new ProgressError('bad-answer', `${e.message}:${item.type}`);
		throw e;
	}
}

const insertResponseRow = prepared((database) =>
	database.$client.prepare(
		`insert into response (user_id, enrolment_id, module_version_id, step_slug, item_id, kind,
			attempt_id, answer, score, max_score, signals_hit, signals_missed, is_first, created_at)
		values (?, ?, ?, ?, ?, 'item', ?, ?, ?, ?, ?, ?, ?, ?)`
	)
);

/** One answered item (quiz or assessment): the graded result as a response row. */
export function insertItemResponse(
	e: Pick<Enrolment, 'id' | 'userId' | 'moduleVersionId'>,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	graded: ReturnType<typeof gradeItem>,
	isFirst: boolean,
	now: number,
	attemptId: number | null = null
): void {
	insertResponseRow().run(
		e.userId,
		e.id,
		e.moduleVersionId,
		stepSlug,
		itemId,
		attemptId,
		JSON.stringify(answer),
		graded.result.score,
		graded.result.maxScore,
		JSON.stringify(graded.signalsHit),
		JSON.stringify(graded.signalsMissed),
		isFirst ? 1 : 0,
		now
	);
}

export interface AnswerOutcome {
	result: ItemResult;
	/** The first answer counts for the score; later ones are practice. */
	counted: boolean;
}

/**
 * Records a quiz answer. The first answer to an item counts for the score and the signal map;
 * answering again is practice and changes neither.
 */
export function answerQuizItem(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	now = Date.now()
): AnswerOutcome {
	return transaction(() => {
		const e = startModule(userId, slug, now);
		const version = loadVersion(e.moduleVersionId)!;
		const step = version.stepBySlug.get(stepSlug);
		if (!step || step.meta.kind !== 'quiz') throw new ProgressError('not-found', stepSlug);
		const item = findItem(step, itemId);
		const graded = grade(item, answer);
		const prior = priorQuizAnswer().get(e.id, stepSlug, itemId);
		const counted = !prior;
		insertItemResponse(e, stepSlug, itemId, answer, graded, counted, now);
		if (counted) {
			recordMastery(userId, graded.signalsHit, graded.signalsMissed, now);
			const firsts = firstQuizScores().get(e.id, stepSlug)!;
			const total = step.quiz!.items.length;
			touchProgress(
				e.id,
				stepSlug,
				{ status: firsts.n >= total ? 'done' : 'started', score: firsts.score, maxScore: total },
				now
			);
		}
		refreshEnrolment(e, stepSlug, now);
		return { result: graded.result, counted };
	});
}

export interface QuizItemState {
	itemId: string;
	answer: Answer;
	result: ItemResult;
	counted: boolean;
	attempts: number;
}

// Every quiz step view runs this: one row per item (the latest practice answer and how many
// there were), not every answer ever given, and prepared (stack.md). SQLite takes the bare
// `answer` column from the row that holds max(id).
const latestQuizAnswers = prepared((database) =>
	database
		.select({
			itemId: response.itemId,
			answer: response.answer,
			lastId: sql<number>`max(${response.id})`,
			attempts: sql<number>`count(*)`
		})
		.from(response)
		.where(
			and(
				eq(response.enrolmentId, sql.placeholder('enrolmentId')),
				eq(response.stepSlug, sql.placeholder('stepSlug')),
				isNull(response.attemptId)
			)
		)
		.groupBy(response.itemId)
		.prepare()
);

/** The learner's latest answer per item of a quiz step, with its feedback. */
export function quizState(ctx: ModuleContext, step: StepSnapshot): Map<string, QuizItemState> {
	const out = new Map<string, QuizItemState>();
	if (!ctx.enrolment || !step.quiz) return out;
	const rows = latestQuizAnswers().all({ enrolmentId: ctx.enrolment.id, stepSlug: step.slug });
	for (const row of rows) {
		const item = step.quiz.items.find((i) => i.id === row.itemId);
		if (!item) continue;
		const answer = row.answer as Answer;
		out.set(row.itemId, {
			itemId: row.itemId,
			answer,
			result: gradeItem(item, answer).result,
			// Only the first answer counts; a later one is practice.
			counted: row.attempts === 1,
			attempts: row.attempts
		});
	}
	return out;
}

// ---- vignettes

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

export function vignetteState(ctx: ModuleContext, step: StepSnapshot): VignetteState {
	const vignette = step.vignette!;
	const progress = ctx.steps.get(step.slug);
	const current = progress?.currentNode ?? vignette.start;
	const rows = ctx.enrolment
		? db
				.select({
					itemId: response.itemId,
					answer: response.answer,
					score: response.score,
					maxScore: response.maxScore
				})
				.from(response)
				.where(and(eq(response.enrolmentId, ctx.enrolment.id), eq(response.stepSlug, step.slug)))
				.orderBy(asc(response.id))
				.all()
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
export function chooseInVignette(
	userId: number,
	slug: string,
	stepSlug: string,
	nodeId: string,
	choiceIndex: number,
	now = Date.now()
): ChoiceOutcome {
	return transaction(() => {
		const e = startModule(userId, slug, now);
		const ctx = moduleContext(userId, slug);
		const step = ctx.version.stepBySlug.get(stepSlug);
		if (!step?.vignette) throw new ProgressError('not-found', stepSlug);
		const vignette = step.vignette;
		const progress = ctx.steps.get(stepSlug);
		const current = progress?.currentNode ?? vignette.start;
		if (nodeId !== current) throw new ProgressError('conflict', nodeId);
		const node = vignette.nodes[current];
		const choice = node?.choices[choiceIndex];
		if (!node || !choice || !Number.isInteger(choiceIndex))
			throw new ProgressError('bad-answer', 'choice');
		const firstRun = progress?.status !== 'done';
		const max = nodeMax(vignette, current);
		const best = choice.score >= max;
		const signals = node.signals ?? [];
		db.insert(response)
			.values({
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
			})
			.run();
		if (firstRun) recordMastery(userId, best ? signals : [], best ? [] : signals, now);
		const ended = choice.next in vignette.endings;
		const score = (progress?.score ?? 0) + (firstRun ? choice.score : 0);
		const maxScore = (progress?.maxScore ?? 0) + (firstRun ? max : 0);
		touchProgress(
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
		refreshEnrolment(e, stepSlug, now);
		return { feedback: choice.feedback, next: choice.next, ended };
	});
}

/** Starts the case again from the beginning; the new run is practice. */
export function restartVignette(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): void {
	transaction(() => {
		const ctx = moduleContext(userId, slug);
		const step = ctx.version.stepBySlug.get(stepSlug);
		if (!ctx.enrolment || !step?.vignette) throw new ProgressError('not-found', stepSlug);
		const progress = ctx.steps.get(stepSlug);
		if (!progress) return;
		touchProgress(
			ctx.enrolment.id,
			stepSlug,
			{ currentNode: step.vignette.start, status: progress.status },
			now
		);
	});
}

// ---- final assessment

function randomInt(max: number): number {
	const bytes = new Uint32Array(1);
	crypto.getRandomValues(bytes);
	return bytes[0] % max;
}

/** Draws `count` distinct items from the pool uniformly (Fisher-Yates on a copy). */
export function drawItems(poolIds: readonly string[], count: number, random = randomInt): string[] {
	const ids = [...poolIds];
	for (let i = ids.length - 1; i > 0; i--) {
		const j = random(i + 1);
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	return ids.slice(0, Math.min(count, ids.length));
}

// Pre-test attempts (pretest.ts) share the table and the step slug: only kind 'assessment' is
// the final assessment.
export function openAttempt(enrolmentId: number, stepSlug: string): Attempt | undefined {
	return db
		.select()
		.from(attempt)
		.where(
			and(
				eq(attempt.enrolmentId, enrolmentId),
				eq(attempt.stepSlug, stepSlug),
				eq(attempt.kind, 'assessment')
			)
		)
		.orderBy(desc(attempt.id))
		.limit(1)
		.get();
}

export function listAttempts(enrolmentId: number, stepSlug: string): Attempt[] {
	return db
		.select()
		.from(attempt)
		.where(
			and(
				eq(attempt.enrolmentId, enrolmentId),
				eq(attempt.stepSlug, stepSlug),
				eq(attempt.kind, 'assessment')
			)
		)
		.orderBy(asc(attempt.id))
		.all();
}

/** Item ids for a new attempt: uniform for a module, adaptive for the refresher. */
function drawFor(version: LoadedVersion, step: StepSnapshot, userId: number): string[] {
	const assessment = step.assessment!;
	if (version.module.meta.refreshes.length === 0) {
		return drawItems(
			assessment.pool.map((i) => i.id),
			assessment.draw
		);
	}
	const categoryOf = new Map(getCourse().signals.map((sig) => [sig.id, sig.category]));
	const pool = assessment.pool.map((item) => {
		const signals = [...new Set(itemSignalIds(item).map((ref) => ref.id))];
		return {
			id: item.id,
			signals,
			categories: [
				...new Set(signals.map((sig) => categoryOf.get(sig)).filter((c) => !!c))
			] as string[]
		};
	});
	return drawAdaptive(pool, assessment.draw, missedSignalWeights(userId), Math.random);
}

/** The refresher opens only when a certificate it renews is in its window. */
function refresherLocked(version: LoadedVersion, userId: number, now: number): boolean {
	return version.module.meta.refreshes.length > 0 && !refresherStatus(userId, new Date(now)).open;
}

/**
 * Opens the final assessment: the required steps must be done (checked here, not only in the
 * page). An open attempt is returned as it is, so a reload shows the same items.
 */
export function startAssessment(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): Attempt {
	return transaction(() => {
		const ctx = moduleContext(userId, slug);
		const step = stepOf(ctx, stepSlug);
		if (step.meta.kind !== 'assessment' || !step.assessment)
			throw new ProgressError('not-found', stepSlug);
		if (!ctx.enrolment || missingForAssessment(ctx).length > 0) throw new ProgressError('locked');
		const last = openAttempt(ctx.enrolment.id, stepSlug);
		if (last && !last.submittedAt) return last;
		if (last?.passed) return last;
		if (refresherLocked(ctx.version, userId, now)) throw new ProgressError('locked', 'refresher');
		const itemIds = drawFor(ctx.version, step, userId);
		const inserted = db
			.insert(attempt)
			.values({
				enrolmentId: ctx.enrolment.id,
				userId,
				stepSlug,
				kind: 'assessment',
				itemIds,
				startedAt: new Date(now)
			})
			.run();
		touchProgress(ctx.enrolment.id, stepSlug, { status: 'started' }, now);
		refreshEnrolment(ctx.enrolment, stepSlug, now);
		return db
			.select()
			.from(attempt)
			.where(eq(attempt.id, Number(inserted.lastInsertRowid)))
			.get()!;
	});
}

/** The learner's enrolment, the assessment step and its newest attempt; refuses when absent. */
function latestAttempt(userId: number, slug: string, stepSlug: string) {
	const ctx = moduleContext(userId, slug);
	const step = stepOf(ctx, stepSlug);
	const enrolment = ctx.enrolment;
	if (!enrolment || !step.assessment) throw new ProgressError('not-found', stepSlug);
	const open = openAttempt(enrolment.id, stepSlug);
	if (!open) throw new ProgressError('conflict', 'no attempt');
	return { ctx: { ...ctx, enrolment }, step: { ...step, assessment: step.assessment }, open };
}

/** Saves (or changes) the answer to one item of the open attempt; no feedback until submitted. */
export function answerAssessmentItem(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	answer: Answer,
	now = Date.now()
): void {
	transaction(() => {
		const { ctx, step, open } = latestAttempt(userId, slug, stepSlug);
		if (open.submittedAt) throw new ProgressError('conflict', 'no open attempt');
		if (!open.itemIds.includes(itemId)) throw new ProgressError('not-found', itemId);
		const item = step.assessment.pool.find((i) => i.id === itemId)!;
		const graded = grade(item, answer);
		const first = listAttempts(ctx.enrolment.id, stepSlug)[0]?.id === open.id;
		db.delete(response)
			.where(and(eq(response.attemptId, open.id), eq(response.itemId, itemId)))
			.run();
		insertItemResponse(ctx.enrolment, stepSlug, itemId, answer, graded, first, now, open.id);
		refreshEnrolment(ctx.enrolment, stepSlug, now);
	});
}

export function attemptAnswers(
	attemptId: number
): Map<string, { answer: Answer; score: number; maxScore: number }> {
	const rows = db
		.select({
			itemId: response.itemId,
			answer: response.answer,
			score: response.score,
			maxScore: response.maxScore
		})
		.from(response)
		.where(eq(response.attemptId, attemptId))
		.all();
	return new Map(
		rows.map((r) => [
			r.itemId,
			{ answer: r.answer as Answer, score: r.score, maxScore: r.maxScore }
		])
	);
}

export interface SubmitOutcome {
	attemptId: number;
	score: number;
	maxScore: number;
	passed: boolean;
	/** False when the attempt had already been submitted: nothing changed. */
	changed: boolean;
}

/** Scores the open attempt against the pass mark. Passing completes the module. */
export function submitAssessment(
	userId: number,
	slug: string,
	stepSlug: string,
	now = Date.now()
): SubmitOutcome {
	return transaction(() => {
		const { ctx, open } = latestAttempt(userId, slug, stepSlug);
		if (open.submittedAt) {
			return {
				attemptId: open.id,
				score: open.score ?? 0,
				maxScore: open.maxScore ?? 0,
				passed: !!open.passed,
				changed: false
			};
		}
		const answers = attemptAnswers(open.id);
		const missing = open.itemIds.filter((id) => !answers.has(id));
		if (missing.length > 0) throw new ProgressError('bad-answer', `unanswered:${missing.length}`);
		let score = 0;
		for (const a of answers.values()) score += a.score;
		const maxScore = open.itemIds.length;
		const passed = score / maxScore >= ctx.version.module.meta.passMark - 1e-9;
		db.update(attempt)
			.set({ submittedAt: new Date(now), score, maxScore, passed })
			.where(eq(attempt.id, open.id))
			.run();
		const hit = new Set<string>();
		const missed = new Set<string>();
		const rows = db
			.select({ hit: response.signalsHit, missed: response.signalsMissed })
			.from(response)
			.where(eq(response.attemptId, open.id))
			.all();
		for (const r of rows) {
			r.hit.forEach((s) => hit.add(s));
			r.missed.forEach((s) => missed.add(s));
		}
		recordMastery(
			userId,
			[...hit].filter((s) => !missed.has(s)),
			[...missed],
			now
		);
		if (passed) {
			touchProgress(ctx.enrolment.id, stepSlug, { status: 'done', score, maxScore }, now);
			db.update(enrolment)
				.set({ status: 'completed', completedAt: new Date(now) })
				.where(eq(enrolment.id, ctx.enrolment.id))
				.run();
			// The certificate is issued in the same transaction as the pass.
			issueOnPass({
				userId,
				moduleVersionId: ctx.enrolment.moduleVersionId,
				attemptId: open.id,
				now: new Date(now)
			});
		} else {
			touchProgress(ctx.enrolment.id, stepSlug, { status: 'started', score, maxScore }, now);
		}
		refreshEnrolment(ctx.enrolment, stepSlug, now);
		// Learners who came from an LMS: the score is queued for its grade book with the result.
		onAssessmentSubmitted({ userId, slug, score, maxScore, now });
		return { attemptId: open.id, score, maxScore, passed, changed: true };
	});
}

/** Reads the answer for a quiz or assessment item from its form; AnswerError becomes bad-answer. */
export function answerFromSubmission(
	userId: number,
	slug: string,
	stepSlug: string,
	itemId: string,
	form: FormData
): Answer {
	const versionId =
		findEnrolment(userId, slug)?.moduleVersionId ?? newestVisibleVersionId(slug, userId);
	const step =
		versionId === undefined ? undefined : loadVersion(versionId)?.stepBySlug.get(stepSlug);
	if (!step) throw new ProgressError('not-found', stepSlug);
	const item = (step.quiz?.items ?? step.assessment?.pool ?? []).find((i) => i.id === itemId);
	if (!item) throw new ProgressError('not-found', itemId);
	try {
		return answerFromForm(item, form);
	} catch (e) {
		if (e instanceof AnswerError)
			throw new ProgressError('bad-answer', `${e.message}:${item.type}`);
		throw e;
	}
}
