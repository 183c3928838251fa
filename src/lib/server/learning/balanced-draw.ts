// The final assessment's draw: as many item types as the pool allows. A uniform draw from a pool
// with many "mark" items once gave three "mark" items and no "classify" item (issue 20); here
// the types take turns, so their counts differ by at most one while each type has items left.
// A retake avoids the previous attempt's items where the pool allows (issue 16, finding 16): the
// fresh items are drawn first, the previous ones only fill what the fresh ones cannot.

/** A uniformly random integer in [0, max), from the platform's cryptographic source. */
function randomInt(max: number): number {
	const bytes = new Uint32Array(1);
	crypto.getRandomValues(bytes);
	return bytes[0] % max;
}

function shuffle<T>(list: readonly T[], random: (max: number) => number): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = random(i + 1);
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}

/** The types take turns, each giving its next item, until `want` items are drawn or none are left. */
function takeTurns(
	items: readonly { id: string; type: string }[],
	want: number,
	random: (max: number) => number
): string[] {
	const byType = new Map<string, string[]>();
	for (const item of items) {
		const list = byType.get(item.type) ?? [];
		list.push(item.id);
		byType.set(item.type, list);
	}
	const queues = shuffle([...byType.values()], random).map((ids) => shuffle(ids, random));
	const drawn: string[] = [];
	const goal = Math.min(want, items.length);
	while (drawn.length < goal) {
		for (const queue of queues) {
			const next = queue.shift();
			if (next !== undefined && drawn.length < goal) drawn.push(next);
		}
	}
	return drawn;
}

/**
 * Draws `count` distinct item ids. The types take turns in a random order, each giving its next
 * item (chosen uniformly within the type) until the draw is full; a type with no items left
 * drops out. Items in `avoid` (the previous attempt's) are drawn only when the other items cannot
 * fill the draw. The drawn items are then shuffled, so the order does not give the types away.
 */
export function drawBalanced(
	pool: readonly { id: string; type: string }[],
	count: number,
	random: (max: number) => number = randomInt,
	avoid: ReadonlySet<string> = new Set()
): string[] {
	const want = Math.min(count, pool.length);
	const fresh = takeTurns(
		pool.filter((item) => !avoid.has(item.id)),
		want,
		random
	);
	const again = takeTurns(
		pool.filter((item) => avoid.has(item.id)),
		want - fresh.length,
		random
	);
	return shuffle([...fresh, ...again], random);
}
