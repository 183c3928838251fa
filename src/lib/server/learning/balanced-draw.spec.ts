import { describe, expect, it } from 'vitest';
import { drawBalanced } from './balanced-draw';
import { getCourse } from '../content/course';

function typeCounts(ids: string[], typeOf: Map<string, string>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const id of ids) counts.set(typeOf.get(id)!, (counts.get(typeOf.get(id)!) ?? 0) + 1);
	return counts;
}

describe('the balanced assessment draw', () => {
	// A pool like the one that drew three "mark" items and no "classify": mostly mark items.
	const pool = [
		...Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, type: 'mark' })),
		...Array.from({ length: 2 }, (_, i) => ({ id: `c${i}`, type: 'classify' })),
		...Array.from({ length: 3 }, (_, i) => ({ id: `s${i}`, type: 'single' }))
	];
	const typeOf = new Map(pool.map((i) => [i.id, i.type]));

	it('never draws three "mark" items and no "classify" when the pool has classify items', () => {
		for (let n = 0; n < 2000; n++) {
			const drawn = drawBalanced(pool, 4);
			expect(new Set(drawn).size).toBe(4);
			const counts = typeCounts(drawn, typeOf);
			expect(counts.get('classify') ?? 0).toBeGreaterThan(0);
			expect(counts.get('mark') ?? 0).toBeLessThan(3);
		}
	});

	it('fills the draw from the types that have items left, each item still drawn', () => {
		const drawn = drawBalanced(pool, 9);
		const counts = typeCounts(drawn, typeOf);
		expect(counts.get('classify')).toBe(2);
		expect(counts.get('single')).toBe(3);
		expect(counts.get('mark')).toBe(4);
		const seen = new Set<string>();
		for (let n = 0; n < 500; n++) for (const id of drawBalanced(pool, 4)) seen.add(id);
		expect(seen.size).toBe(pool.length);
		expect(drawBalanced(pool, 99)).toHaveLength(pool.length);
	});

	it('covers every item type of each module’s final assessment when the draw is large enough', () => {
		for (const mod of getCourse().modules) {
			for (const step of mod.steps) {
				if (!step.assessment) continue;
				const items = step.assessment.pool;
				const types = new Set(items.map((i) => i.type));
				if (step.assessment.draw < types.size) continue;
				const typeOfItem = new Map(items.map((i) => [i.id, i.type]));
				for (let n = 0; n < 50; n++) {
					const drawn = drawBalanced(items, step.assessment.draw);
					expect(typeCounts(drawn, typeOfItem).size).toBe(types.size);
				}
			}
		}
	});

	it("draws none of the previous attempt's items when the pool has enough others", () => {
		for (let n = 0; n < 500; n++) {
			const previous = new Set(drawBalanced(pool, 4));
			const next = drawBalanced(pool, 4, undefined, previous);
			expect(next).toHaveLength(4);
			expect(next.filter((id) => previous.has(id))).toEqual([]);
		}
	});

	it('repeats only as many previous items as the pool cannot replace', () => {
		const small = pool.slice(0, 6);
		for (let n = 0; n < 200; n++) {
			const previous = new Set(drawBalanced(small, 4));
			const next = drawBalanced(small, 4, undefined, previous);
			expect(new Set(next).size).toBe(4);
			// Six items, four drawn before: the two others come first, two repeats fill the draw.
			expect(next.filter((id) => previous.has(id))).toHaveLength(2);
		}
	});
});
