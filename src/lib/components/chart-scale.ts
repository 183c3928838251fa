// Round axis ticks for the bar charts: 0 and a few steps of 1, 2, 2.5 or 5 times a power of ten.
// Counts (modules completed, learners) can only be whole numbers, so a count axis passes
// `integer` and never gets a tick at 0.5 or 2.5.
export function niceTicks(max: number, count = 4, options: { integer?: boolean } = {}): number[] {
	if (!(max > 0)) return [0, 1];
	const raw = max / count;
	const power = 10 ** Math.floor(Math.log10(raw));
	const candidates = [1, 2, 2.5, 5, 10]
		.map((m) => m * power)
		.filter((s) => !options.integer || (s >= 1 && Number.isInteger(s)));
	const step =
		candidates.find((s) => s >= raw) ?? (options.integer ? Math.max(1, Math.ceil(raw)) : raw);
	const ticks: number[] = [];
	for (let v = 0; v < max + step / 2; v += step) ticks.push(Math.round(v * 1000) / 1000);
	if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step);
	return ticks;
}
