import { describe, expect, it } from 'vitest';
import { MASTERY_THRESHOLDS, masteryLevel } from './mastery';

describe('mastery thresholds', () => {
	it('never judges a signal seen fewer than three times', () => {
		expect(MASTERY_THRESHOLDS.minObservations).toBe(3);
		expect(masteryLevel(0, 0)).toBe('unseen');
		expect(masteryLevel(1, 1)).toBe('few');
		expect(masteryLevel(2, 2)).toBe('few');
		expect(masteryLevel(2, 0)).toBe('few');
	});

	it('calls a signal strong from three sightings with four in five recognised', () => {
		expect(masteryLevel(3, 3)).toBe('strong');
		expect(masteryLevel(3, 2)).toBe('practise');
		expect(masteryLevel(5, 4)).toBe('strong');
		expect(masteryLevel(5, 3)).toBe('practise');
		expect(masteryLevel(10, 8)).toBe('strong');
	});
});
