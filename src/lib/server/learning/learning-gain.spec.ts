import { describe, expect, it } from 'vitest';
import { gainOf, meanGain } from './learning-gain';

describe('gainOf', () => {
	it('gives the gain in percentage points and the normalised gain', () => {
		const g = gainOf(0.25, 0.75);
		expect(g.points).toBeCloseTo(50, 9);
		// Half of the 75 % still unknown: 0.5 / 0.75.
		expect(g.normalised).toBeCloseTo(2 / 3, 9);
	});

	it('may be negative, and has no normalised gain after a perfect pre-test', () => {
		expect(gainOf(0.5, 0.25).points).toBeCloseTo(-25, 9);
		expect(gainOf(0.5, 0.25).normalised).toBeCloseTo(-0.5, 9);
		expect(gainOf(1, 1)).toEqual({ pre: 1, post: 1, points: 0, normalised: null });
	});
});

describe('meanGain', () => {
	it('matches a hand-computed example of four learners', () => {
		// Individual gains 50, 50, 50 and 0 points: mean 37.5. Means 37.5 % -> 75 %, so
		// <g> = (0.75 - 0.375) / (1 - 0.375) = 0.6.
		const group = meanGain([
			{ pre: 0.25, post: 0.75 },
			{ pre: 0.5, post: 1 },
			{ pre: 0, post: 0.5 },
			{ pre: 0.75, post: 0.75 }
		])!;
		expect(group.learners).toBe(4);
		expect(group.meanPre).toBeCloseTo(0.375, 9);
		expect(group.meanPost).toBeCloseTo(0.75, 9);
		expect(group.meanPoints).toBeCloseTo(37.5, 9);
		expect(group.normalised).toBeCloseTo(0.6, 9);
	});

	it('is null without learners', () => {
		expect(meanGain([])).toBeNull();
	});
});
