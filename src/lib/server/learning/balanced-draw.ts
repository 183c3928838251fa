// The final assessment's draw: as many item types as the pool allows. A uniform draw from a pool
// with many "mark" items once gave three "mark" items and no "classify" item (issue 20); here
// the types take turns, so their counts differ by at most one while each type has items left.

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

/**
 * Draws `count` distinct item ids. The types take turns in a random order, each giving its next
 * item (chosen uniformly within the type) until the draw is full; a type with no items left
 * drops out. The drawn items are then shuffled, so the order does not give the types away.
 */
export function drawBalanced(
	pool: readonly { id: string; type: string }[],
	count: number,
	random: (max: number) => number = randomInt
): string[] {
	const byType = new Map<string, string[]>();
	for (const item of pool) {
		const list = byType.get(item.type) ?? [];
		list.push(item.id);
		byType.set(item.type, list);
	}
	const queues = shuffle([...byType.values()], random).map((ids) => shuffle(ids, random));
	const drawn: string[] = [];
	const want = Math.min(count, pool.length);
	while (drawn.length < want) {
		for (const queue of queues) {
			const next = queue.shift();
			if (next !== undefined && drawn.length < want) drawn.push(next);
		}
	}
	return shuffle(drawn, random);
}
