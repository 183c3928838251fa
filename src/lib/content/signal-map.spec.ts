import { describe, expect, it } from 'vitest';
import { loadCourse } from '$lib/server/content/load';
import { signalMapOf, type SignalEntry } from './signal-map';
import { SHIPPED_SIGNALS, signalsForPage } from './shipped-signals';

const catalogue: SignalEntry[] = [
	{ id: 'plots-verzorgd', label: 'Plots heel verzorgd', category: 'uiterlijk' },
	{ id: 'geld-zonder-uitleg', label: 'Geld zonder uitleg', category: 'geld' },
	{ id: 'teruggetrokken', label: 'Trekt zich terug', category: 'gedrag' },
	{ id: 'weglopen', label: 'Loopt weg', category: 'gedrag' }
];

describe('signal map', () => {
	it('shows each signal with the learner’s record from the text the page receives', () => {
		const map = signalMapOf(catalogue, 'weglopen:2:0,teruggetrokken:5:4');
		// Categories in display order, signals in the list's order within each.
		expect(map.map((c) => c.category)).toEqual(['uiterlijk', 'gedrag', 'geld']);
		expect(map[0].label).toBe('Uiterlijk');
		expect(map[1].signals).toEqual([
			{ id: 'teruggetrokken', label: 'Trekt zich terug', seen: 5, correct: 4, level: 'strong' },
			{ id: 'weglopen', label: 'Loopt weg', seen: 2, correct: 0, level: 'few' }
		]);
		expect(map[0].signals[0]).toMatchObject({ seen: 0, correct: 0, level: 'unseen' });
	});

	it('shows every signal as unseen without records, and ignores signals the list does not have', () => {
		const none = signalMapOf(catalogue, '').flatMap((c) => c.signals);
		expect(none.map((s) => s.level)).toEqual(['unseen', 'unseen', 'unseen', 'unseen']);
		const map = signalMapOf(catalogue, 'verdwenen-signaal:9:9,weglopen:4:1,kapot,:1:1');
		expect(map.flatMap((c) => c.signals).map((s) => [s.id, s.seen])).toEqual([
			['plots-verzorgd', 0],
			['teruggetrokken', 0],
			['weglopen', 4],
			['geld-zonder-uitleg', 0]
		]);
	});

	it('has the shipped course’s signals in the page’s code, and sends a list only for another course', () => {
		const course = loadCourse('modules');
		expect(course.signals.map(({ id, label, category }) => ({ id, label, category }))).toEqual(
			SHIPPED_SIGNALS
		);
		expect(signalsForPage(course.signals)).toBeNull();
		const renamed = course.signals.map((s, i) => (i === 3 ? { ...s, label: 'Ander label' } : s));
		expect(signalsForPage(renamed)?.[3]).toEqual({
			id: course.signals[3].id,
			label: 'Ander label',
			category: course.signals[3].category
		});
		expect(signalsForPage(course.signals.slice(1))).toHaveLength(course.signals.length - 1);
	});
});
