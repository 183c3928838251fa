// The adaptive refresher draw: which items a learner gets in the refresher test. Pure, so the
// distribution can be checked over many draws with a seeded random.

export interface PoolItem {
	id: string;
	/** Signal ids the item is about (from its graded options or phrases). */
	signals: string[];
	/** Signal categories the item covers. */
	categories: string[];
}

/** How much one missed answer about a signal raises an item's weight (a plain item weighs 1). */
export const MISSED_WEIGHT = 3;
/** Missed counts beyond this add nothing more, so one old weak spot cannot crowd out the rest. */
export const MISSED_CAP = 3;

export function itemWeight(item: PoolItem, missed: ReadonlyMap<string, number>): number {
	let extra = 0;
	for (const signal of new Set(item.signals)) {
		const times = missed.get(signal) ?? 0;
		if (times > 0) extra += Math.min(times, MISSED_CAP);
	}
	return 1 + MISSED_WEIGHT * extra;
}

/**
 * Draws `count` item ids. Items about signals this learner missed before (seen - correct in
 * signal_mastery) are more likely, but every item keeps a chance, and every category present in
 * the pool gets at least one item as long as `count` allows.
 *
 * Method: weighted sampling without replacement (Efraimidis-Spirakis keys u^(1/w)). First one
 * item per uncovered category, categories in weighted-random order; then the remaining slots
 * from all items left. The result is shuffled, so the covering items are not always first.
 */
export function drawAdaptive(
	pool: readonly PoolItem[],
	count: number,
	missed: ReadonlyMap<string, number>,
	random: () => number
): string[] {
	const want = Math.max(0, Math.min(Math.floor(count), pool.length));
	// One key per item decides all weighted choices of this draw.
	const keyed = pool.map((item) => {
		const u = Math.min(Math.max(random(), Number.MIN_VALUE), 1);
		return { item, key: Math.pow(u, 1 / itemWeight(item, missed)) };
	});
	keyed.sort((a, b) => b.key - a.key);

	const chosen: PoolItem[] = [];
	const taken = new Set<string>();
	const covered = new Set<string>();
	const take = (item: PoolItem) => {
		chosen.push(item);
		taken.add(item.id);
		for (const c of item.categories) covered.add(c);
	};

	// Categories in the order of their best-keyed item: weak categories tend to come first when
	// there are more categories than slots.
	const categories: string[] = [];
	for (const { item } of keyed) {
		for (const c of item.categories) if (!categories.includes(c)) categories.push(c);
	}
	for (const category of categories) {
		if (chosen.length >= want) break;
		if (covered.has(category)) continue;
		const best = keyed.find(
			({ item }) => !taken.has(item.id) && item.categories.includes(category)
		);
		if (best) take(best.item);
	}
	for (const { item } of keyed) {
		if (chosen.length >= want) break;
		if (!taken.has(item.id)) take(item);
	}

	const ids = chosen.map((item) => item.id);
	for (let i = ids.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[ids[i], ids[j]] = [ids[j], ids[i]];
	}
	return ids;
}

/** A small seeded generator (mulberry32) for tests and reproducible draws. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
