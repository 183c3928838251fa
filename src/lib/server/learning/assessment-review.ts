// Retakes of the final assessment and what a learner sees after an attempt (issue 16, finding
// 16). Unlimited retakes, each with per-item verdicts and feedback, let a learner map the whole
// pool; so a failed attempt is followed by a cool-down, a retake draws other items where the pool
// allows (assessment.ts), and the review per item is shown only after a pass or once the allowed
// attempts are used up. Before that the learner sees the score, pass or fail and which signal
// categories to revisit. The view shows what this module gives it and decides nothing.
import { eq } from 'drizzle-orm';
import type { Answer, ItemResult, ItemView } from '$lib/content/views';
import type { Item } from '$lib/content/schema';
import { messages } from '$lib/i18n';
import { db } from '../db';
import { response, type Attempt } from '../db/schema';
import { config } from '../platform/config';
import { failure, type Failure } from '../platform/failure';
import { getCourse } from '../content/course';
import { attemptAnswers } from './records';
import { itemView } from './views';
import { itemTimeline, type TimelineEntry } from './timeline';

const minute = 60_000;

export interface RetakePolicy {
	/** Minutes between a failed attempt and the next; 0 turns the wait off. */
	cooldownMinutes: number;
	/** Attempts per enrolment; after the last failed one the review with feedback is shown. */
	maxAttempts: number;
}

/** The platform's policy, with the attempts a manager gave this enrolment on top (`extraAttempts`). */
export function retakePolicy(extraAttempts = 0): RetakePolicy {
	return {
		cooldownMinutes: config.assessmentCooldownMinutes,
		maxAttempts: config.assessmentMaxAttempts + Math.max(0, extraAttempts)
	};
}

export type RetakeStatus =
	| { allowed: true; attemptsLeft: number }
	| { allowed: false; reason: 'cooldown'; at: number; attemptsLeft: number }
	| { allowed: false; reason: 'exhausted'; attemptsLeft: 0 }
	| { allowed: false; reason: 'passed'; attemptsLeft: 0 };

/** Whether a new attempt may start now, given the enrolment's assessment attempts (oldest first). */
export function retakeStatus(
	attempts: readonly Attempt[],
	now = Date.now(),
	policy = retakePolicy()
): RetakeStatus {
	const submitted = attempts.filter((a) => a.submittedAt);
	if (submitted.some((a) => a.passed)) return { allowed: false, reason: 'passed', attemptsLeft: 0 };
	const attemptsLeft = Math.max(0, policy.maxAttempts - submitted.length);
	if (attemptsLeft === 0) return { allowed: false, reason: 'exhausted', attemptsLeft: 0 };
	const last = submitted.at(-1);
	if (last?.submittedAt && policy.cooldownMinutes > 0) {
		const at = last.submittedAt.getTime() + policy.cooldownMinutes * minute;
		if (now < at) return { allowed: false, reason: 'cooldown', at, attemptsLeft };
	}
	return { allowed: true, attemptsLeft };
}

/** The refusal for a retake that may not start now; null when it may. */
export function retakeRefusal(status: RetakeStatus): Failure | null {
	if (status.allowed || status.reason === 'passed') return null;
	return status.reason === 'cooldown'
		? failure('learning.assessmentCooldown', { at: status.at })
		: failure('learning.assessmentExhausted');
}

/** Per-item verdicts and feedback: only after a pass or once every attempt is used. */
export function reviewVisible(attempts: readonly Attempt[], policy = retakePolicy()): boolean {
	const submitted = attempts.filter((a) => a.submittedAt);
	return submitted.some((a) => a.passed) || submitted.length >= policy.maxAttempts;
}

/** The signal categories (Dutch names) of the signals missed in this attempt, in course order. */
export async function categoriesToRevisit(attemptId: number): Promise<string[]> {
	const missed = new Set<string>();
	const rows = await db
		.select({ missed: response.signalsMissed })
		.from(response)
		.where(eq(response.attemptId, attemptId));
	for (const r of rows) r.missed.forEach((s) => missed.add(s));
	const categories = new Set<string>();
	for (const signal of getCourse().signals) {
		if (missed.has(signal.id)) categories.add(signal.category);
	}
	const names = messages.lesson.categories as Record<string, string>;
	return [...categories].map((c) => names[c] ?? c);
}

function verdictOf(score: number, max: number): ItemResult['verdict'] {
	if (score >= max - 1e-9) return 'right';
	return score > 1e-9 ? 'partly' : 'wrong';
}

export interface AttemptView {
	id: number;
	submitted: boolean;
	passed: boolean;
	score: number;
	maxScore: number;
	items: {
		view: ItemView;
		answer: Answer | null;
		verdict: ItemResult['verdict'] | null;
		feedback: string | null;
		/** Case items: the timeline goes with the per-item review, never before it. */
		timeline: TimelineEntry[] | null;
	}[];
	/** After a failed attempt: whether a retake may start now, and what to tell the learner. */
	retake: { allowed: boolean; notes: string[]; revisit: string[] } | null;
}

/**
 * The newest attempt as the learner may see it. Per-item results exist in the page data only
 * once the attempt is submitted, and then only after a pass or the last allowed attempt; until
 * then a submitted attempt shows no items.
 */
export async function attemptView(
	last: Attempt,
	attempts: readonly Attempt[],
	pool: readonly Item[],
	now = Date.now(),
	policy = retakePolicy()
): Promise<AttemptView> {
	const answers = await attemptAnswers(last.id);
	const byId = new Map(pool.map((i) => [i.id, i]));
	const labels = new Map(getCourse().signals.map((s) => [s.id, s.label]));
	const review = !!last.submittedAt && reviewVisible(attempts, policy);
	const m = messages.learn.assessment;
	let retake: AttemptView['retake'] = null;
	if (last.submittedAt && !last.passed) {
		const status = retakeStatus(attempts, now, policy);
		const notes: string[] = [];
		if (!status.allowed && status.reason === 'exhausted') notes.push(m.exhausted);
		else {
			if (!status.allowed && status.reason === 'cooldown') notes.push(m.cooldown(status.at));
			notes.push(m.attemptsLeft(status.attemptsLeft), m.reviewLater);
		}
		retake = { allowed: status.allowed, notes, revisit: await categoriesToRevisit(last.id) };
	}
	return {
		id: last.id,
		submitted: !!last.submittedAt,
		passed: !!last.passed,
		score: last.score ?? 0,
		maxScore: last.maxScore ?? last.itemIds.length,
		// A submitted attempt without its review lists no items at all: score, pass or fail and
		// the categories to revisit are what the learner gets.
		items: (last.submittedAt && !review ? [] : last.itemIds).map((id) => {
			const a = answers.get(id);
			const item = byId.get(id)!;
			return {
				view: itemView(item),
				answer: a?.answer ?? null,
				...(review && a
					? {
							verdict: verdictOf(a.score, a.maxScore),
							feedback: item.feedback,
							timeline: itemTimeline(item, a.answer, labels)
						}
					: { verdict: null, feedback: null, timeline: null })
			};
		}),
		retake
	};
}
