// How the signal map turns a learner's record of one signal into a level. The thresholds live
// here and nowhere else; the catalogue explains them in one sentence (learn.signalMapHow). Shared
// with the browser: /leren builds its signal map from the learner's counts (signal-map.ts).

/** How well a learner recognises a signal; the Dutch words live in the catalogue. */
export type MasteryLevel = 'strong' | 'practise' | 'few' | 'unseen';

export const MASTERY_THRESHOLDS = {
	/** Below this many sightings a signal is "seen too little" to judge. */
	minObservations: 3,
	/** Share of sightings recognised (at or above) for "strong". */
	strongShare: 0.8
} as const;

/**
 * Mastery needs a track record: a signal seen fewer than `minObservations` times is "few"
 * (too little seen), whatever the score; after that four in five recognised is "strong".
 */
export function masteryLevel(seen: number, correct: number): MasteryLevel {
	if (seen <= 0) return 'unseen';
	if (seen < MASTERY_THRESHOLDS.minObservations) return 'few';
	return correct / seen >= MASTERY_THRESHOLDS.strongShare ? 'strong' : 'practise';
}
