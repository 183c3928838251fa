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

/** All figures for one item from its first-attempt observations and its maximum score. */
export function itemFigures(
	observations: readonly ItemObservation[],
	maxScore: number
): ItemFigures {
	const n = observations.length;
	const scores = new Float64Array(n);
	const counts = new Map<string, number>();
	let withRest = 0;
	for (let i = 0; i < n; i++) {
		const o = observations[i];
		scores[i] = o.score;
		if (o.rest !== null) withRest++;
		for (const c of o.choices) counts.set(c, (counts.get(c) ?? 0) + 1);
	}
	// Discrimination needs the rest of the test for every response it uses.
	const x = new Float64Array(withRest);
	const rest = new Float64Array(withRest);
	let j = 0;
	for (const o of observations) {
		if (o.rest === null) continue;
		x[j] = o.score;
		rest[j++] = o.rest;
	}
	const facility = n > 0 && maxScore > 0 ? mean(scores) / maxScore : null;
	const standardDeviation =
		n > 1 && maxScore > 0 ? Math.sqrt(covariance(scores, scores)) / maxScore : null;
	const discrimination = pearson(x, rest);
	const efficiency = discrimination === null ? null : discriminativeEfficiency(x, rest);
	return {
		responses: n,
		facility,
		standardDeviation,
		discrimination,
		efficiency,
		choiceCounts: [...counts]
			.map(([choice, count]) => ({ choice, count }))
			.sort((a, b) => b.count - a.count || a.choice.localeCompare(b.choice)),
		flags: flagsFor(facility, discrimination)
	};
}
