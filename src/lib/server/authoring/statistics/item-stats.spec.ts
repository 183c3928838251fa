// Hand-computed examples for the Moodle item statistics. V and C use N - 1, as Moodle does.
import { describe, expect, it } from 'vitest';
import { discriminativeEfficiency, itemFigures, pearson, type ItemObservation } from './item-stats';

function obs(scores: number[], rests: (number | null)[], choices: string[][] = []) {
	return scores.map((score, i): ItemObservation => ({
		score,
		rest: rests[i],
		choices: choices[i] ?? []
	}));
}

describe('itemFigures', () => {
	it('computes facility, SD, discrimination and efficiency of a discriminating item', () => {
		// x = [1, 1, 0, 0], max 1; rest of test X' = [3, 2, 2, 1]
		// mean x = 0.5 -> facility 0.5
		// V(x) = (4 * 0.25) / 3 = 1/3 -> SD = sqrt(1/3) = 0.57735
		// mean X' = 2, deviations [1, 0, 0, -1] -> V(X') = 2/3
		// C(x, X') = (0.5*1 + 0.5*0 + -0.5*0 + -0.5*-1) / 3 = 1/3
		// P = (1/3) / sqrt(1/3 * 2/3) = 1/sqrt(2) = 0.70711
		// sorted x [0,0,1,1] with sorted X' [1,2,2,3]: Cmax = (0.5 + 0 + 0 + 0.5) / 3 = 1/3 -> E = 1
		const f = itemFigures(obs([1, 1, 0, 0], [3, 2, 2, 1]), 1);
		expect(f.responses).toBe(4);
		expect(f.facility).toBeCloseTo(0.5, 10);
		expect(f.standardDeviation).toBeCloseTo(0.57735, 5);
		expect(f.discrimination).toBeCloseTo(0.70711, 5);
		expect(f.efficiency).toBeCloseTo(1, 10);
		expect(f.flags).toEqual([]);
	});

	it('flags an item whose score does not follow the rest of the test', () => {
		// x = [0, 1, 1, 0], X' = [3, 2, 2, 1]
		// C = (-0.5*1 + 0.5*0 + 0.5*0 + -0.5*-1) / 3 = 0 -> P = 0, E = 0
		const f = itemFigures(obs([0, 1, 1, 0], [3, 2, 2, 1]), 1);
		expect(f.discrimination).toBeCloseTo(0, 10);
		expect(f.efficiency).toBeCloseTo(0, 10);
		expect(f.flags).toEqual(['poor-discrimination']);
	});

	it('uses the maximum score and gives negative discrimination for a misleading item', () => {
		// x = [2, 2, 2, 1], max 2: mean 1.75 -> facility 1.75 / 2 = 0.875
		// deviations [.25, .25, .25, -.75]: sum of squares 0.75 -> V = 0.25, SD = 0.5 / 2 = 0.25
		// X' = [0, 3, 1, 2]: mean 1.5, deviations [-1.5, 1.5, -.5, .5] -> V(X') = 5/3
		// C = (.25*-1.5 + .25*1.5 + .25*-.5 + -.75*.5) / 3 = -0.5 / 3 = -1/6
		// P = (-1/6) / sqrt(0.25 * 5/3) = -0.25820
		// sorted x [1,2,2,2] dev [-.75,.25,.25,.25], sorted X' [0,1,2,3] dev [-1.5,-.5,.5,1.5]
		// Cmax = (1.125 - .125 + .125 + .375) / 3 = 0.5 -> E = (-1/6) / 0.5 = -1/3
		const f = itemFigures(obs([2, 2, 2, 1], [0, 3, 1, 2]), 2);
		expect(f.facility).toBeCloseTo(0.875, 10);
		expect(f.standardDeviation).toBeCloseTo(0.25, 10);
		expect(f.discrimination).toBeCloseTo(-0.2582, 4);
		expect(f.efficiency).toBeCloseTo(-1 / 3, 10);
		expect(f.flags).toEqual(['poor-discrimination']);
	});

	it('flags too easy and too hard items; no discrimination without variance', () => {
		// all right: facility 1 > 0.9, SD 0, V(x) = 0 so P and E are undefined (null), not flagged
		const easy = itemFigures(obs([1, 1, 1, 1, 1], [1, 2, 3, 4, 5]), 1);
		expect(easy.facility).toBe(1);
		expect(easy.standardDeviation).toBe(0);
		expect(easy.discrimination).toBeNull();
		expect(easy.efficiency).toBeNull();
		expect(easy.flags).toEqual(['too-easy']);
		// x = [0, 0, 0, 1]: facility 0.25 < 0.3; X' = [0, 1, 2, 3] gives
		// C = (-.25*-1.5 + -.25*-.5 + -.25*.5 + .75*1.5) / 3 = 1.5 / 3 = 0.5,
		// V(x) = 0.75 / 3 = 0.25, V(X') = 5/3 -> P = 0.5 / sqrt(5/12) = 0.77460
		const hard = itemFigures(obs([0, 0, 0, 1], [0, 1, 2, 3]), 1);
		expect(hard.facility).toBeCloseTo(0.25, 10);
		expect(hard.discrimination).toBeCloseTo(0.7746, 4);
		expect(hard.flags).toEqual(['too-hard']);
	});

	it('counts choices, most frequent first, and skips responses without a rest score', () => {
		const f = itemFigures(obs([1, 0, 1, 0], [2, 1, null, 0], [['a'], ['b'], ['a'], ['a', 'c']]), 1);
		expect(f.responses).toBe(4);
		expect(f.facility).toBe(0.5);
		expect(f.choiceCounts).toEqual([
			{ choice: 'a', count: 3 },
			{ choice: 'b', count: 1 },
			{ choice: 'c', count: 1 }
		]);
		// discrimination from the 3 responses with a rest: x [1,0,0], X' [2,1,0]
		// mean x 1/3, mean X' 1; C = (2/3*1 + -1/3*0 + -1/3*-1) / 2 = 0.5
		// V(x) = (4/9 + 1/9 + 1/9) / 2 = 1/3, V(X') = 1 -> P = 0.5 / sqrt(1/3) = 0.86603
		expect(f.discrimination).toBeCloseTo(0.86603, 5);
	});

	it('has no figures for no responses or a single response', () => {
		expect(itemFigures([], 1)).toMatchObject({ responses: 0, facility: null, flags: [] });
		const one = itemFigures(obs([1], [3]), 1);
		expect(one.facility).toBe(1);
		expect(one.standardDeviation).toBeNull();
		expect(one.discrimination).toBeNull();
	});
});

describe('itemFigures from counted responses', () => {
	it('agrees with the listed definitions on many repeated scores', () => {
		// 2,000 responses over few distinct (x, X') pairs, as real item data looks: the counted
		// figures must equal pearson() and discriminativeEfficiency() over the full lists.
		let seed = 3;
		const random = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
		const x: number[] = [];
		const rest: number[] = [];
		for (let i = 0; i < 2000; i++) {
			const ability = random();
			x.push(random() < ability ? 2 : random() < ability ? 1 : 0);
			rest.push(Math.floor(ability * 6 + random() * 3));
		}
		const f = itemFigures(obs(x, rest), 2);
		expect(f.responses).toBe(2000);
		expect(f.facility).toBeCloseTo(x.reduce((a, b) => a + b, 0) / 2000 / 2, 12);
		expect(f.discrimination).toBeCloseTo(pearson(x, rest)!, 12);
		expect(f.efficiency).toBeCloseTo(discriminativeEfficiency(x, rest)!, 12);
		expect(f.discrimination).toBeGreaterThan(0.3);
	});
});

describe('pearson and discriminativeEfficiency', () => {
	it('agree with the definitions on a perfectly aligned pair', () => {
		expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
		expect(pearson([1, 2, 3], [6, 4, 2])).toBeCloseTo(-1, 10);
		expect(discriminativeEfficiency([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
	});
});
