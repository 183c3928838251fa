// Learning gain: how much better a learner did on the post-test (the final assessment) than on
// the pre-test. Scores are fractions 0..1; gains are in percentage points.
//   gain in points      = (post - pre) x 100
//   normalised gain g   = (post - pre) / (1 - pre): the share of what was still unknown at the
//                         pre-test that was learnt (Hake 1998); undefined when pre = 1.
// For a group, the mean gain is the mean of the individual gains and the normalised gain is
// Hake's class-average <g> = (mean post - mean pre) / (1 - mean pre).

export interface Gain {
	pre: number;
	post: number;
	points: number;
	normalised: number | null;
}

export interface ScorePair {
	pre: number;
	post: number;
}

export interface GroupGain {
	learners: number;
	meanPre: number;
	meanPost: number;
	meanPoints: number;
	normalised: number | null;
}

const EPSILON = 1e-9;

export function gainOf(pre: number, post: number): Gain {
	return {
		pre,
		post,
		points: (post - pre) * 100,
		normalised: pre < 1 - EPSILON ? (post - pre) / (1 - pre) : null
	};
}

/** The group's mean gain; null without any learner who took both tests. */
export function meanGain(pairs: readonly ScorePair[]): GroupGain | null {
	if (pairs.length === 0) return null;
	let pre = 0;
	let post = 0;
	for (const p of pairs) {
		pre += p.pre;
		post += p.post;
	}
	const meanPre = pre / pairs.length;
	const meanPost = post / pairs.length;
	return {
		learners: pairs.length,
		meanPre,
		meanPost,
		// The mean of the individual gains equals the difference of the means.
		meanPoints: (meanPost - meanPre) * 100,
		normalised: gainOf(meanPre, meanPost).normalised
	};
}
