import { describe, expect, it } from 'vitest';
import type { Item, Vignette } from '$lib/content/schema';
import { caseTimeline, itemTimeline } from './timeline';

const vignette: Vignette = {
	start: 'n1',
	nodes: {
		n1: {
			text: 'Robbe krijgt berichten van een onbekende.\n\nHij lacht erom.',
			signals: ['geheime-contacten', 'onbekend-signaal'],
			choices: [
				{ label: 'Vragen wat er is', feedback: 'Goed.', score: 2, next: 'n2' },
				{ label: 'Niets doen', feedback: 'Jammer.', score: 0, next: 'n2' }
			]
		},
		n2: {
			text: 'x '.repeat(200),
			choices: [
				{ label: 'A', feedback: 'a', score: 1, next: 'e1' },
				{ label: 'B', feedback: 'b', score: 0, next: 'e1' }
			]
		}
	},
	endings: { e1: { title: 'Einde', summary: 'Klaar.' } }
};
const labels = new Map([['geheime-contacten', 'Geheime contacten']]);

describe('the signal timeline', () => {
	it('lists the situations in order with their signals and marks what was acted on', () => {
		const timeline = caseTimeline(
			vignette,
			[
				{ nodeId: 'n1', choiceLabel: 'Vragen wat er is', feedback: 'Goed.', score: 2, maxScore: 2 },
				{ nodeId: 'n2', choiceLabel: 'B', feedback: 'b', score: 0, maxScore: 1 }
			],
			labels
		);
		expect(timeline.map((t) => t.nodeId)).toEqual(['n1', 'n2']);
		expect(timeline[0]).toMatchObject({
			situation: 'Robbe krijgt berichten van een onbekende.',
			choiceLabel: 'Vragen wat er is',
			acted: true,
			signals: [{ id: 'geheime-contacten', label: 'Geheime contacten' }]
		});
		expect(timeline[1].acted).toBe(false);
		expect(timeline[1].signals).toEqual([]);
		expect(timeline[1].situation.length).toBeLessThanOrEqual(221);
		expect(timeline[1].situation.endsWith('…')).toBe(true);
	});

	it('passes a signal by when the choice made was not a best one', () => {
		const [entry] = caseTimeline(
			vignette,
			[{ nodeId: 'n1', choiceLabel: 'Niets doen', feedback: 'Jammer.', score: 0, maxScore: 2 }],
			labels
		);
		expect(entry.acted).toBe(false);
		expect(entry.signals).toHaveLength(1);
	});
});

describe('the timeline of a case item in the assessment review', () => {
	const judge: Item = {
		id: 'j-poort',
		type: 'judge',
		prompt: 'Yassin is op maandag vaak afwezig en heeft veel cash op zak. Hoe bezorgd ben je?',
		feedback: 'Samen vormen deze signalen een patroon.',
		signals: ['geheime-contacten', 'onbekend-signaal'],
		concern: {
			options: [
				{ id: 'laag', text: 'Weinig zorg', correct: false },
				{ id: 'hoog', text: 'Grote zorg', correct: true }
			]
		},
		action: {
			options: [
				{ id: 'a', text: 'Afwachten', correct: false },
				{ id: 'b', text: ' Overleggen met het zorgteam\n', correct: true }
			]
		}
	};

	it('shows the situation, its signals, the concern and the next step chosen', () => {
		const [entry, ...rest] = itemTimeline(judge, { selected: ['hoog', 'a'] }, labels);
		expect(rest).toEqual([]);
		expect(entry).toMatchObject({
			situation: judge.prompt,
			choiceLabel: 'Grote zorg',
			nextStep: 'Afwachten',
			acted: true,
			signals: [{ id: 'geheime-contacten', label: 'Geheime contacten' }]
		});
	});

	it('passes the signals by when the concern was weighed wrong, even with the right next step', () => {
		const [entry] = itemTimeline(judge, { selected: ['laag', 'b'] }, labels);
		expect(entry.acted).toBe(false);
		expect(entry.nextStep).toBe('Overleggen met het zorgteam');
	});

	it('is empty for other item types, a missing answer or an answer that does not fit', () => {
		const single: Item = {
			id: 's1',
			type: 'single',
			prompt: 'Wat doe je?',
			feedback: 'Uitleg.',
			options: [
				{ id: 'a', text: 'A', correct: true },
				{ id: 'b', text: 'B', correct: false }
			]
		};
		expect(itemTimeline(single, { selected: ['a'] }, labels)).toEqual([]);
		expect(itemTimeline(judge, null, labels)).toEqual([]);
		expect(itemTimeline(judge, { selected: ['zomaar', 'a'] }, labels)).toEqual([]);
	});
});
