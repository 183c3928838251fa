import { describe, expect, it } from 'vitest';
import { drawAdaptive, itemWeight, seededRandom, type PoolItem } from './refresher-draw';

// Twenty items over five categories, four per category; each item is about one signal.
const categories = ['uiterlijk', 'gedrag', 'school', 'online', 'geld'];
const pool: PoolItem[] = categories.flatMap((category) =>
	[1, 2, 3, 4].map((n) => ({
		id: `${category}-${n}`,
		signals: [`${category}-signaal-${n}`],
		categories: [category]
	}))
);

function frequencies(missed: Map<string, number>, count: number, draws: number, seed = 42) {
	const random = seededRandom(seed);
	const seen = new Map<string, number>(pool.map((i) => [i.id, 0]));
	for (let d = 0; d < draws; d++) {
		for (const id of drawAdaptive(pool, count, missed, random)) seen.set(id, seen.get(id)! + 1);
	}
	return seen;
}

describe('drawAdaptive', () => {
	it('draws the requested number of distinct ids from the pool', () => {
		const ids = drawAdaptive(pool, 8, new Map(), seededRandom(1));
		expect(ids).toHaveLength(8);
		expect(new Set(ids).size).toBe(8);
		for (const id of ids) expect(pool.map((i) => i.id)).toContain(id);
	});

	it('returns the whole pool when asked for more than it holds, and nothing for 0', () => {
		expect(drawAdaptive(pool, 50, new Map(), seededRandom(2)).sort()).toEqual(
			pool.map((i) => i.id).sort()
		);
		expect(drawAdaptive(pool, 0, new Map(), seededRandom(2))).toEqual([]);
		expect(drawAdaptive([], 5, new Map(), seededRandom(2))).toEqual([]);
	});

	it('is reproducible with the same seed', () => {
		const missed = new Map([['geld-signaal-2', 2]]);
		expect(drawAdaptive(pool, 6, missed, seededRandom(7))).toEqual(
			drawAdaptive(pool, 6, missed, seededRandom(7))
		);
	});

	it('covers every category in every draw when the count allows it, even with strong weak spots', () => {
		// All missed signals sit in one category: coverage must still hold.
		const missed = new Map(
			pool.filter((i) => i.categories[0] === 'online').map((i) => [i.signals[0], 5])
		);
		const random = seededRandom(3);
		for (let d = 0; d < 2000; d++) {
			const ids = drawAdaptive(pool, 5, missed, random);
			const drawn = new Set(ids.map((id) => pool.find((i) => i.id === id)!.categories[0]));
			expect(drawn.size).toBe(5);
		}
	});

	it('prefers items about missed signals: over 10,000 draws they come up far more often', () => {
		const missed = new Map([
			['school-signaal-1', 2],
			['online-signaal-3', 1]
		]);
		const seen = frequencies(missed, 8, 10_000);
		const rate = (id: string) => seen.get(id)! / 10_000;
		const plain = pool
			.map((i) => i.id)
			.filter((id) => id !== 'school-1' && id !== 'online-3')
			.map(rate);
		const plainMean = plain.reduce((a, b) => a + b, 0) / plain.length;
		// Without priority every item would appear in 8/20 = 40 % of draws.
		expect(rate('school-1')).toBeGreaterThan(0.8);
		expect(rate('online-3')).toBeGreaterThan(0.7);
		expect(rate('school-1')).toBeGreaterThan(rate('online-3'));
		expect(plainMean).toBeLessThan(0.4);
		// Every other item still turns up regularly: the refresher does not only drill weak spots.
		for (const r of plain) expect(r).toBeGreaterThan(0.2);
	});

	it('without any missed signals draws every item about equally often', () => {
		const seen = frequencies(new Map(), 8, 10_000, 99);
		for (const count of seen.values()) {
			expect(count / 10_000).toBeGreaterThan(0.36);
			expect(count / 10_000).toBeLessThan(0.44);
		}
	});

	it('puts the covering items in varying positions', () => {
		const firsts = new Set<string>();
		const random = seededRandom(5);
		for (let d = 0; d < 200; d++) firsts.add(drawAdaptive(pool, 8, new Map(), random)[0]);
		expect(firsts.size).toBeGreaterThan(10);
	});

	it('weighs an item by its missed signals, capped, and ignores signals answered well', () => {
		const item = { id: 'x', signals: ['a', 'b', 'c'], categories: ['gedrag'] };
		expect(itemWeight(item, new Map())).toBe(1);
		expect(itemWeight(item, new Map([['a', 1]]))).toBe(4);
		expect(itemWeight(item, new Map([['a', 10]]))).toBe(10);
		expect(
			itemWeight(
				item,
				new Map([
					['a', 0],
					['z', 4]
				])
			)
		).toBe(1);
	});

	it('covers as many categories as slots when there are more categories than slots', () => {
		const random = seededRandom(11);
		for (let d = 0; d < 500; d++) {
			const ids = drawAdaptive(pool, 3, new Map(), random);
			const drawn = new Set(ids.map((id) => pool.find((i) => i.id === id)!.categories[0]));
			expect(drawn.size).toBe(3);
		}
	});
});
