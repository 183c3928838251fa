import { describe, expect, it } from 'vitest';
import { caseMarks, layoutCaseMap, type CaseMapInput } from './case-map';

const choice = (label: string, next: string) => ({ label, next });

// start → a or b; a → goed; b → start (a loop back) or slecht; c is never chosen; d has no choices.
const vignette: CaseMapInput = {
	start: 'start',
	nodes: [
		{
			id: 'start',
			text: 'Een leerling toont een nieuwe gsm.',
			choices: [choice('Vragen', 'a'), choice('Negeren', 'b')]
		},
		{ id: 'a', text: 'Je vraagt rustig door.', choices: [choice('Melden', 'goed')] },
		{
			id: 'b',
			text: 'Je laat het rusten.',
			choices: [choice('Terug', 'start'), choice('Wachten', 'slecht')]
		},
		{ id: 'c', text: 'Niemand komt hier.', choices: [choice('Verder', 'd')] },
		{ id: 'd', text: 'Hier stopt het.', choices: [] }
	],
	endings: [
		{ id: 'goed', title: 'Op tijd gemeld' },
		{ id: 'slecht', title: 'Te lang gewacht' },
		{ id: 'los', title: 'Nooit bereikt' }
	]
};

describe('case map', () => {
	it('marks unreachable situations and dead ends, and the start', () => {
		const marks = caseMarks(vignette);
		expect(marks.get('start')).toEqual(['start']);
		expect(marks.get('a')).toEqual([]);
		expect(marks.get('b')).toEqual([]);
		expect(marks.get('c')).toEqual(['unreachable', 'deadEnd']);
		expect(marks.get('d')).toEqual(['unreachable', 'deadEnd']);
		expect(marks.get('ending:los')).toEqual(['unreachable']);
		expect(marks.get('ending:goed')).toEqual([]);
	});

	it('calls a loop with no way out a dead end', () => {
		const marks = caseMarks({
			start: 'x',
			nodes: [
				{ id: 'x', text: '', choices: [choice('Naar y', 'y')] },
				{ id: 'y', text: '', choices: [choice('Terug', 'x')] }
			],
			endings: [{ id: 'einde', title: '' }]
		});
		expect(marks.get('x')).toEqual(['start', 'deadEnd']);
		expect(marks.get('y')).toEqual(['deadEnd']);
	});

	it('gives every situation and ending a box that links to its form, and every choice an arrow', () => {
		const map = layoutCaseMap(vignette);
		expect(map.boxes.map((b) => `${b.kind}:${b.id}`)).toEqual([
			'situation:start',
			'situation:a',
			'situation:b',
			'situation:c',
			'situation:d',
			'ending:goed',
			'ending:slecht',
			'ending:los'
		]);
		expect(map.boxes.find((b) => b.id === 'b')?.anchor).toBe('veld-vignette.nodes.2');
		expect(map.boxes.find((b) => b.id === 'slecht')?.anchor).toBe('veld-vignette.endings.1');
		expect(map.arrows.map((a) => `${a.from}→${a.to} ${a.label}`)).toEqual([
			'node:start→node:a Vragen',
			'node:start→node:b Negeren',
			'node:a→ending:goed Melden',
			'node:b→node:start Terug',
			'node:b→ending:slecht Wachten',
			'node:c→node:d Verder'
		]);
		for (const arrow of map.arrows) expect(arrow.points.length).toBeGreaterThanOrEqual(2);
	});

	it('lays boxes out without overlap, the start above what it leads to, all inside the drawing', () => {
		const map = layoutCaseMap(vignette);
		const box = (id: string) => map.boxes.find((b) => b.id === id)!;
		expect(box('start').y).toBeLessThan(box('a').y);
		expect(box('a').y).toBeLessThan(box('goed').y);
		for (const b of map.boxes) {
			expect(b.x).toBeGreaterThanOrEqual(0);
			expect(b.y).toBeGreaterThanOrEqual(0);
			expect(b.x + b.width).toBeLessThanOrEqual(map.width);
			expect(b.y + b.height).toBeLessThanOrEqual(map.height);
			for (const o of map.boxes) {
				if (o === b) continue;
				const apart =
					b.x + b.width <= o.x ||
					o.x + o.width <= b.x ||
					b.y + b.height <= o.y ||
					o.y + o.height <= b.y;
				expect(apart, `${b.id} and ${o.id} overlap`).toBe(true);
			}
		}
	});

	it('leaves out a choice without a target and draws a duplicate id once', () => {
		const map = layoutCaseMap({
			start: 's',
			nodes: [
				{ id: 's', text: 'Begin', choices: [choice('Nog niets', ''), choice('Einde', 'e')] },
				{ id: 's', text: 'Dubbel', choices: [] }
			],
			endings: [{ id: 'e', title: 'Einde' }]
		});
		expect(map.boxes.filter((b) => b.id === 's')).toHaveLength(1);
		expect(map.arrows).toHaveLength(1);
	});
});
