// Grading, on the server only: pure functions per item type.
//
// Partial credit (every item is worth 1 point):
// - single: 1 for the correct option, else 0.
// - multi and mark: (right selections − wrong selections) / number of right answers, floored at 0.
//   Marking every phrase therefore scores 0, not half.
// - classify: the share of statements put in the right category.
// - judge: 0.5 for the level of concern plus 0.5 for the next step.
// Signals: a signal counts as hit when the learner recognised it (chose/marked/classified the
// part that carries it), as missed otherwise; they feed the learner's signal map.
import type { ClassifyAnswer, Item, ItemType, JudgeItem } from '$lib/content/schema';
import { CLASSIFY_ANSWERS } from '$lib/content/schema';
import type { Answer, ItemResult, PartResult } from '$lib/content/views';
import { failure, type Failure } from '../platform/failure';

export type { ItemType };

/** Why an answer cannot be graded: nothing chosen, a choice twice, or a choice the item lacks. */
export type AnswerReason = 'empty' | 'duplicate' | 'unknown';

/** A refused answer; its message is the bare reason code, never a sentence. */
export class AnswerError extends Error {
	constructor(readonly reason: AnswerReason) {
		super(reason);
		this.name = 'AnswerError';
	}

	/** The failure the learner sees for this refusal on an item of `itemType`. */
	failureFor(itemType: ItemType): Failure {
		return this.reason === 'empty'
			? failure('learning.answerEmpty', { itemType })
			: failure('learning.answerInvalid');
	}
}

export interface Graded {
	result: ItemResult;
	signalsHit: string[];
	signalsMissed: string[];
}

function verdict(score: number, max: number): ItemResult['verdict'] {
	if (score >= max - 1e-9) return 'right';
	return score > 1e-9 ? 'partly' : 'wrong';
}

function round(value: number): number {
	return Math.round(value * 1000) / 1000;
}

function finish(
	item: Item,
	score: number,
	parts: PartResult[],
	hit: Set<string>,
	missed: Set<string>,
	sections?: ItemResult['sections']
): Graded {
	const rounded = round(Math.max(0, Math.min(1, score)));
	// Item-level signals count as recognised only on a fully right answer (judge decides itself).
	if (item.type !== 'judge') {
		for (const s of item.signals ?? []) (rounded >= 1 - 1e-9 ? hit : missed).add(s);
	}
	for (const s of missed) hit.delete(s);
	return {
		result: {
			itemId: item.id,
			type: item.type,
			score: rounded,
			maxScore: 1,
			verdict: verdict(rounded, 1),
			feedback: item.feedback,
			parts,
			sections
		},
		signalsHit: [...hit].sort(),
		signalsMissed: [...missed].sort()
	};
}

function uniqueKnown(selected: string[], known: Set<string>): Set<string> {
	const set = new Set(selected);
	if (set.size !== selected.length) throw new AnswerError('duplicate');
	for (const id of set) if (!known.has(id)) throw new AnswerError('unknown');
	return set;
}

function gradeChoice(
	options: { id: string; text: string; correct: boolean; feedback?: string; signals?: string[] }[],
	chosen: Set<string>,
	hit: Set<string>,
	missed: Set<string>
): { parts: PartResult[]; right: number; wrong: number; correctCount: number } {
	let right = 0;
	let wrong = 0;
	const parts = options.map((o) => {
		const given = chosen.has(o.id);
		if (given && o.correct) right += 1;
		if (given && !o.correct) wrong += 1;
		if (o.correct) for (const s of o.signals ?? []) (given ? hit : missed).add(s);
		return {
			id: o.id,
			text: o.text,
			expected: o.correct,
			given,
			right: given === o.correct,
			feedback: o.feedback
		};
	});
	return { parts, right, wrong, correctCount: options.filter((o) => o.correct).length };
}

function gradeJudge(
	item: JudgeItem,
	answer: Answer,
	hit: Set<string>,
	missed: Set<string>
): Graded {
	if (answer.selected.length !== 2) throw new AnswerError('empty');
	const [concernId, actionId] = answer.selected;
	const concernIds = new Set(item.concern.options.map((o) => o.id));
	const actionIds = new Set(item.action.options.map((o) => o.id));
	if (!concernIds.has(concernId) || !actionIds.has(actionId)) throw new AnswerError('unknown');
	const concern = gradeChoice(item.concern.options, new Set([concernId]), new Set(), new Set());
	const action = gradeChoice(item.action.options, new Set([actionId]), new Set(), new Set());
	const score = 0.5 * concern.right + 0.5 * action.right;
	// The signals of a judge item are a combination: recognised when the concern is weighed right.
	const target = concern.right === 1 ? hit : missed;
	for (const s of item.signals) target.add(s);
	const graded = finish(item, score, [], hit, missed, [
		{ id: 'concern', parts: concern.parts },
		{ id: 'action', parts: action.parts }
	]);
	return graded;
}

/** Grades one answer. Throws AnswerError for empty, duplicate or unknown choices. */
export function gradeItem(item: Item, answer: Answer): Graded {
	const hit = new Set<string>();
	const missed = new Set<string>();
	switch (item.type) {
		case 'single': {
			if (answer.selected.length === 0) throw new AnswerError('empty');
			if (answer.selected.length > 1) throw new AnswerError('duplicate');
			const chosen = uniqueKnown(answer.selected, new Set(item.options.map((o) => o.id)));
			const { parts, right } = gradeChoice(item.options, chosen, hit, missed);
			return finish(item, right, parts, hit, missed);
		}
		case 'multi': {
			if (answer.selected.length === 0) throw new AnswerError('empty');
			const chosen = uniqueKnown(answer.selected, new Set(item.options.map((o) => o.id)));
			const { parts, right, wrong, correctCount } = gradeChoice(item.options, chosen, hit, missed);
			return finish(item, (right - wrong) / correctCount, parts, hit, missed);
		}
		case 'mark': {
			if (answer.selected.length === 0) throw new AnswerError('empty');
			const marked = uniqueKnown(answer.selected, new Set(item.phrases.map((p) => p.id)));
			let right = 0;
			let wrong = 0;
			const parts = item.phrases.map((p) => {
				const given = marked.has(p.id);
				const expected = !!p.signal;
				if (given && expected) right += 1;
				if (given && !expected) wrong += 1;
				if (p.signal) (given ? hit : missed).add(p.signal);
				return {
					id: p.id,
					text: p.text,
					expected,
					given,
					right: given === expected,
					feedback: p.feedback
				};
			});
			const correctCount = item.phrases.filter((p) => p.signal).length;
			return finish(item, (right - wrong) / correctCount, parts, hit, missed);
		}
		case 'classify': {
			const given = answer.classified ?? {};
			const ids = new Set(item.statements.map((s) => s.id));
			for (const key of Object.keys(given)) if (!ids.has(key)) throw new AnswerError('unknown');
			let right = 0;
			const parts = item.statements.map((s) => {
				const value = given[s.id];
				if (value === undefined) throw new AnswerError('empty');
				if (!(CLASSIFY_ANSWERS as readonly string[]).includes(value))
					throw new AnswerError('unknown');
				const ok = value === s.answer;
				if (ok) right += 1;
				for (const sig of s.signals ?? []) (ok ? hit : missed).add(sig);
				return {
					id: s.id,
					text: s.text,
					expected: s.answer,
					given: value as ClassifyAnswer,
					right: ok,
					feedback: s.feedback
				};
			});
			return finish(item, right / item.statements.length, parts, hit, missed);
		}
		case 'judge':
			return gradeJudge(item, answer, hit, missed);
	}
}

/** The answer that scores full marks: used by the demo seed and tests. */
export function correctAnswer(item: Item): Answer {
	switch (item.type) {
		case 'single':
		case 'multi':
			return { selected: item.options.filter((o) => o.correct).map((o) => o.id) };
		case 'mark':
			return { selected: item.phrases.filter((p) => p.signal).map((p) => p.id) };
		case 'classify':
			return {
				selected: [],
				classified: Object.fromEntries(item.statements.map((s) => [s.id, s.answer]))
			};
		case 'judge':
			return {
				selected: [
					item.concern.options.find((o) => o.correct)!.id,
					item.action.options.find((o) => o.correct)!.id
				]
			};
	}
}

/** A wrong answer (still valid): used by tests and the demo to fail an assessment. */
export function wrongAnswer(item: Item): Answer {
	switch (item.type) {
		case 'single':
		case 'multi':
			return { selected: [item.options.find((o) => !o.correct)!.id] };
		case 'mark':
			return { selected: item.phrases.filter((p) => !p.signal).map((p) => p.id) };
		case 'classify':
			return {
				selected: [],
				classified: Object.fromEntries(
					item.statements.map((s) => [s.id, s.answer === 'signaal' ? 'geen-signaal' : 'signaal'])
				)
			};
		case 'judge':
			return {
				selected: [
					item.concern.options.find((o) => !o.correct)!.id,
					item.action.options.find((o) => !o.correct)!.id
				]
			};
	}
}

/** Reads an answer for `item` from a submitted form: `choice` (repeated) or `classify-<id>`. */
export function answerFromForm(item: Item, form: FormData): Answer {
	const strings = (name: string) => {
		const values = form.getAll(name);
		if (values.some((v) => typeof v !== 'string')) throw new AnswerError('unknown');
		return (values as string[]).map((v) => v.slice(0, 100));
	};
	if (item.type === 'classify') {
		const classified: Record<string, ClassifyAnswer> = {};
		for (const s of item.statements) {
			const values = strings(`classify-${s.id}`);
			if (values.length > 1) throw new AnswerError('duplicate');
			if (values.length === 1) classified[s.id] = values[0] as ClassifyAnswer;
		}
		return { selected: [], classified };
	}
	if (item.type === 'judge') {
		const concern = strings('concern');
		const action = strings('action');
		if (concern.length > 1 || action.length > 1) throw new AnswerError('duplicate');
		if (concern.length === 0 || action.length === 0) throw new AnswerError('empty');
		return { selected: [concern[0], action[0]] };
	}
	return { selected: strings('choice') };
}
