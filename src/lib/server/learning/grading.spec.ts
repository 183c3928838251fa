import { describe, expect, it } from 'vitest';
import { itemSchema, type Item } from '$lib/content/schema';
import { AnswerError, answerFromForm, correctAnswer, gradeItem, wrongAnswer } from './grading';
import type { Answer } from '$lib/content/views';
import { messages } from '$lib/i18n';
import { describeFailure } from '../platform/failure';

const item = (raw: unknown): Item => itemSchema.parse(raw);

const multi = item({
	id: 'm1',
	type: 'multi',
	prompt: 'Welke signalen?',
	feedback: 'Uitleg.',
	options: [
		{ id: 'a', text: 'A', correct: true, signals: ['spijbelen'] },
		{ id: 'b', text: 'B', correct: true, signals: ['oudere-vriend'] },
		{ id: 'c', text: 'C', correct: true },
		{ id: 'd', text: 'D' }
	]
});

const mark = item({
	id: 'k1',
	type: 'mark',
	prompt: 'Duid aan.',
	feedback: 'Uitleg.',
	text: 'Ze spijbelt op maandag en speelt graag voetbal met een nieuwe dure gsm.',
	phrases: [
		{ id: 'p1', text: 'spijbelt op maandag', signal: 'spijbelen' },
		{ id: 'p2', text: 'speelt graag voetbal' },
		{ id: 'p3', text: 'nieuwe dure gsm', signal: 'dure-spullen' }
	]
});

const classify = item({
	id: 'c1',
	type: 'classify',
	prompt: 'Sorteer.',
	feedback: 'Uitleg.',
	statements: [
		{ id: 's1', text: 'Twee gsm’s', answer: 'signaal', signals: ['meerdere-gsms'] },
		{ id: 's2', text: 'Houdt van muziek', answer: 'geen-signaal' },
		{ id: 's3', text: 'Vaak moe', answer: 'context' },
		{ id: 's4', text: 'Oudere vriend', answer: 'signaal', signals: ['oudere-vriend'] }
	]
});

const judge = item({
	id: 'j1',
	type: 'judge',
	prompt: 'Combinatie.',
	feedback: 'Uitleg.',
	signals: ['spijbelen', 'oudere-vriend'],
	concern: {
		options: [
			{ id: 'laag', text: 'Laag' },
			{ id: 'hoog', text: 'Hoog', correct: true }
		]
	},
	action: {
		options: [
			{ id: 'x', text: 'Wachten' },
			{ id: 'y', text: 'Zorgteam', correct: true }
		]
	}
});

const single = item({
	id: 's1',
	type: 'single',
	prompt: 'Eén antwoord.',
	feedback: 'Uitleg.',
	options: [
		{ id: 'a', text: 'A', correct: true, signals: ['spijbelen'] },
		{ id: 'b', text: 'B', feedback: 'Nee.' }
	]
});

describe('grading', () => {
	it('single: one point for the correct option only', () => {
		expect(gradeItem(single, { selected: ['a'] }).result.score).toBe(1);
		const wrong = gradeItem(single, { selected: ['b'] });
		expect(wrong.result.score).toBe(0);
		expect(wrong.result.verdict).toBe('wrong');
		expect(wrong.signalsMissed).toEqual(['spijbelen']);
		expect(wrong.result.parts.find((p) => p.id === 'b')?.feedback).toBe('Nee.');
	});

	it('multi: right minus wrong over the number right, floored at zero', () => {
		expect(gradeItem(multi, { selected: ['a', 'b', 'c'] }).result.score).toBe(1);
		expect(gradeItem(multi, { selected: ['a', 'b'] }).result.score).toBeCloseTo(2 / 3, 3);
		expect(gradeItem(multi, { selected: ['a', 'b', 'd'] }).result.score).toBeCloseTo(1 / 3, 3);
		expect(gradeItem(multi, { selected: ['a', 'b', 'c', 'd'] }).result.score).toBeCloseTo(2 / 3, 3);
		expect(gradeItem(multi, { selected: ['d'] }).result.score).toBe(0);
		const partly = gradeItem(multi, { selected: ['a'] });
		expect(partly.result.verdict).toBe('partly');
		expect(partly.signalsHit).toEqual(['spijbelen']);
		expect(partly.signalsMissed).toEqual(['oudere-vriend']);
	});

	it('mark: marking everything does not pay', () => {
		expect(gradeItem(mark, { selected: ['p1', 'p3'] }).result.score).toBe(1);
		expect(gradeItem(mark, { selected: ['p1'] }).result.score).toBe(0.5);
		expect(gradeItem(mark, { selected: ['p1', 'p2', 'p3'] }).result.score).toBe(0.5);
		expect(gradeItem(mark, { selected: ['p2'] }).result.score).toBe(0);
		expect(gradeItem(mark, { selected: ['p1'] }).signalsMissed).toEqual(['dure-spullen']);
	});

	it('classify: the share of statements in the right category', () => {
		const r = gradeItem(classify, {
			selected: [],
			classified: { s1: 'signaal', s2: 'geen-signaal', s3: 'signaal', s4: 'context' }
		});
		expect(r.result.score).toBe(0.5);
		expect(r.signalsHit).toEqual(['meerdere-gsms']);
		expect(r.signalsMissed).toEqual(['oudere-vriend']);
	});

	it('judge: half for the concern, half for the next step', () => {
		expect(gradeItem(judge, { selected: ['hoog', 'y'] }).result.score).toBe(1);
		const half = gradeItem(judge, { selected: ['hoog', 'x'] });
		expect(half.result.score).toBe(0.5);
		expect(half.signalsHit).toEqual(['oudere-vriend', 'spijbelen']);
		const low = gradeItem(judge, { selected: ['laag', 'y'] });
		expect(low.result.score).toBe(0.5);
		expect(low.signalsMissed).toEqual(['oudere-vriend', 'spijbelen']);
	});

	it('refuses empty answers, duplicates and unknown ids', () => {
		for (const [i, answer] of [
			[single, { selected: [] }],
			[single, { selected: ['a', 'b'] }],
			[single, { selected: ['z'] }],
			[multi, { selected: [] }],
			[multi, { selected: ['a', 'a'] }],
			[multi, { selected: ['a', '__proto__'] }],
			[mark, { selected: [] }],
			[mark, { selected: ['p9'] }],
			[classify, { selected: [], classified: { s1: 'signaal' } }],
			[
				classify,
				{ selected: [], classified: { s1: 'signaal', s2: 'x', s3: 'context', s4: 'signaal' } }
			],
			[
				classify,
				{
					selected: [],
					classified: { s1: 'signaal', s2: 'signaal', s3: 'signaal', s4: 'signaal', s9: 'signaal' }
				}
			],
			[judge, { selected: ['hoog'] }],
			[judge, { selected: ['y', 'hoog'] }]
		] as [Item, never][]) {
			expect(() => gradeItem(i, answer), JSON.stringify(answer)).toThrow(AnswerError);
		}
	});

	it('reads answers from forms and refuses duplicated single fields', () => {
		const form = new FormData();
		form.append('concern', 'hoog');
		form.append('action', 'y');
		expect(answerFromForm(judge, form)).toEqual({ selected: ['hoog', 'y'] });
		form.append('concern', 'laag');
		expect(() => answerFromForm(judge, form)).toThrow(AnswerError);
		const c = new FormData();
		c.append('classify-s1', 'signaal');
		c.append('classify-s1', 'context');
		expect(() => answerFromForm(classify, c)).toThrow(AnswerError);
	});

	it('tells the learner what to fix: every statement of a classify item, both parts of a judge', () => {
		const refusal = (i: Item, answer: Answer) => {
			try {
				gradeItem(i, answer);
			} catch (e) {
				if (e instanceof AnswerError) return describeFailure(e.failureFor(i.type));
			}
			throw new Error('the answer was not refused');
		};
		expect(refusal(classify, { selected: [], classified: { s1: 'signaal' } })).toBe(
			messages.learn.errors.emptyClassify
		);
		expect(refusal(judge, { selected: ['hoog'] })).toBe(messages.learn.errors.emptyJudge);
		expect(refusal(single, { selected: [] })).toBe(messages.learn.errors.empty);
		expect(refusal(single, { selected: ['bestaat-niet'] })).toBe(messages.learn.errors.invalid);
	});

	it('the correct answer scores 1 and the wrong answer less for every shipped-style type', () => {
		for (const i of [single, multi, mark, classify, judge]) {
			expect(gradeItem(i, correctAnswer(i)).result.score).toBe(1);
			expect(gradeItem(i, wrongAnswer(i)).result.score).toBeLessThan(1);
		}
	});
});
