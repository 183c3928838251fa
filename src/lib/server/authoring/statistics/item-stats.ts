// Classical item analysis as in Moodle's quiz statistics report, on first attempts only.
// With x = an item's score, X' = the rest of the test (test total minus x), N responses:
//   facility index F    = mean(x) / max(x)                         (Moodle shows it as %)
//   standard deviation  = sqrt(sum((x - mean)^2) / (N - 1)) / max  (as a fraction of max)
//   discrimination P    = C(x, X') / sqrt(V(x) V(X'))              (Pearson, rest of test)
//   efficiency E        = C(x, X') / Cmax(x, X'), where Cmax pairs the sorted x with the sorted X'
//                         (the largest covariance these two score distributions allow).
// Figures are fractions 0..1 (P and E may be negative); null when they are not defined.

export interface ItemObservation {
	/** Score on this item. */
	score: number;
	/** Score on the rest of the test: the test total minus this item; null when unknown. */
	rest: number | null;
	/** What was chosen: option ids, phrase ids, `statement=value`, or a vignette choice. */
	choices: readonly string[];
}

export type ItemFlag = 'too-easy' | 'too-hard' | 'poor-discrimination';

export interface ItemFigures {
	responses: number;
	facility: number | null;
	standardDeviation: number | null;
	discrimination: number | null;
	efficiency: number | null;
	/** How often each choice was made, most frequent first. */
	choiceCounts: { choice: string; count: number }[];
	flags: ItemFlag[];
}

export const TOO_EASY = 0.9;
export const TOO_HARD = 0.3;
export const POOR_DISCRIMINATION = 0.3;

/**
 * An item's responses counted, not listed: many learners give the same few (score, rest) pairs
 * and the same few answers, so the figures are computed from counts in one pass each.
 */
export interface ItemTally {
	/** score -> rest of the test -> how many responses. */
	pairs: Map<number, Map<number, number>>;
	/** score -> how many responses without a rest score. */
	withoutRest: Map<number, number>;
	/** choice key -> how often it was chosen. */
	choices: Map<string, number>;
}

export function emptyTally(): ItemTally {
	return { pairs: new Map(), withoutRest: new Map(), choices: new Map() };
}

/** Counts one response (or `times` identical ones) into a tally. */
export function tallyResponse(
	tally: ItemTally,
	score: number,
	rest: number | null,
	times = 1
): void {
	if (rest === null) {
		tally.withoutRest.set(score, (tally.withoutRest.get(score) ?? 0) + times);
		return;
	}
	let rests = tally.pairs.get(score);
	if (!rests) tally.pairs.set(score, (rests = new Map()));
	rests.set(rest, (rests.get(rest) ?? 0) + times);
}

export function tallyChoices(tally: ItemTally, choices: readonly string[], times = 1): void {
	for (const c of choices) tally.choices.set(c, (tally.choices.get(c) ?? 0) + times);
}

/** Values with their counts, ascending: a sorted list of N values without listing them. */
type Runs = [value: number, count: number][];

function sortedRuns(counts: Map<number, number>): Runs {
	return [...counts].sort((a, b) => a[0] - b[0]);
}

function weightedMean(runs: Runs): { mean: number; n: number } {
	let sum = 0;
	let n = 0;
	for (const [v, c] of runs) {
		sum += v * c;
		n += c;
	}
	return { mean: sum / n, n };
}

/** Sample variance (N - 1) of counted values, as Moodle uses for V. */
function weightedVariance(runs: Runs): number {
	const { mean, n } = weightedMean(runs);
	let sum = 0;
	for (const [v, c] of runs) sum += c * (v - mean) * (v - mean);
	return sum / (n - 1);
}

function mean(values: ArrayLike<number>): number {
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += values[i];
	return sum / values.length;
}

/** Sample covariance (N - 1), as Moodle uses for V and C. */
function covariance(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const ma = mean(a);
	const mb = mean(b);
	let sum = 0;
	for (let i = 0; i < a.length; i++) sum += (a[i] - ma) * (b[i] - mb);
	return sum / (a.length - 1);
}

/** Pearson correlation; null when either side has no variance or fewer than 2 values. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
	if (a.length < 2) return null;
	const va = covariance(a, a);
	const vb = covariance(b, b);
	if (va <= 0 || vb <= 0) return null;
	return covariance(a, b) / Math.sqrt(va * vb);
}

/** Moodle's discriminative efficiency: C(x, X') over the covariance of both sorted ascending. */
export function discriminativeEfficiency(
	x: ArrayLike<number>,
	rest: ArrayLike<number>
): number | null {
	if (x.length < 2) return null;
	const sortedX = Float64Array.from(x).sort();
	const sortedRest = Float64Array.from(rest).sort();
	const max = covariance(sortedX, sortedRest);
	if (max <= 0) return null;
	return covariance(x, rest) / max;
}

export function flagsFor(facility: number | null, discrimination: number | null): ItemFlag[] {
	const flags: ItemFlag[] = [];
	if (facility !== null && facility > TOO_EASY) flags.push('too-easy');
	if (facility !== null && facility < TOO_HARD) flags.push('too-hard');
	if (discrimination !== null && discrimination < POOR_DISCRIMINATION) {
		flags.push('poor-discrimination');
	}
	return flags;
}

/**
 * P and E from counted (x, X') pairs: the same definitions as `pearson` and
 * `discriminativeEfficiency`, with each distinct pair weighted by how often it occurs.
 */
function pairFigures(pairs: ItemTally['pairs']): {
	discrimination: number | null;
	efficiency: number | null;
} {
	const xCounts = new Map<number, number>();
	const restCounts = new Map<number, number>();
	for (const [x, rests] of pairs) {
		for (const [r, c] of rests) {
			xCounts.set(x, (xCounts.get(x) ?? 0) + c);
			restCounts.set(r, (restCounts.get(r) ?? 0) + c);
		}
	}
	const xRuns = sortedRuns(xCounts);
	const restRuns = sortedRuns(restCounts);
	const { mean: mx, n } = xRuns.length ? weightedMean(xRuns) : { mean: 0, n: 0 };
	if (n < 2) return { discrimination: null, efficiency: null };
	const mr = weightedMean(restRuns).mean;
	const vx = weightedVariance(xRuns);
	const vr = weightedVariance(restRuns);
	if (vx <= 0 || vr <= 0) return { discrimination: null, efficiency: null };
	let sum = 0;
	for (const [x, rests] of pairs) for (const [r, c] of rests) sum += c * (x - mx) * (r - mr);
	const c = sum / (n - 1);
	const discrimination = c / Math.sqrt(vx * vr);
	// Cmax pairs the i-th smallest x with the i-th smallest X': walk both sorted runs together.
	let maxSum = 0;
	let i = 0;
	let j = 0;
	let leftX = xRuns[0][1];
	let leftRest = restRuns[0][1];
	while (i < xRuns.length && j < restRuns.length) {
		const take = Math.min(leftX, leftRest);
		maxSum += take * (xRuns[i][0] - mx) * (restRuns[j][0] - mr);
		leftX -= take;
		leftRest -= take;
		if (leftX === 0 && ++i < xRuns.length) leftX = xRuns[i][1];
		if (leftRest === 0 && ++j < restRuns.length) leftRest = restRuns[j][1];
	}
	const max = maxSum / (n - 1);
	return { discrimination, efficiency: max <= 0 ? null : c / max };
}

/** All figures for one item from its tallied first-attempt responses and its maximum score. */
export function tallyFigures(tally: ItemTally, maxScore: number): ItemFigures {
	const scoreCounts = new Map(tally.withoutRest);
	for (const [x, rests] of tally.pairs) {
		for (const c of rests.values()) scoreCounts.set(x, (scoreCounts.get(x) ?? 0) + c);
	}
	const scoreRuns = sortedRuns(scoreCounts);
	const n = scoreRuns.reduce((sum, [, c]) => sum + c, 0);
	const facility = n > 0 && maxScore > 0 ? weightedMean(scoreRuns).mean / maxScore : null;
	const standardDeviation =
		n > 1 && maxScore > 0 ? Math.sqrt(weightedVariance(scoreRuns)) / maxScore : null;
	const { discrimination, efficiency } = pairFigures(tally.pairs);
	return {
		responses: n,
		facility,
		standardDeviation,
		discrimination,
		efficiency,
		choiceCounts: [...tally.choices]
			.map(([choice, count]) => ({ choice, count }))
			.sort((a, b) => b.count - a.count || a.choice.localeCompare(b.choice)),
		flags: flagsFor(facility, discrimination)
	};
}

/** All figures for one item from its first-attempt observations and its maximum score. */
export function itemFigures(
	observations: readonly ItemObservation[],
	maxScore: number
): ItemFigures {
	const tally = emptyTally();
	for (const o of observations) {
		tallyResponse(tally, o.score, o.rest);
		tallyChoices(tally, o.choices);
	}
	return tallyFigures(tally, maxScore);
}
