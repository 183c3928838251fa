import { describe, expect, it } from 'vitest';
import type { Vignette } from '$lib/content/schema';
import { caseTimeline } from './timeline';

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
