// A learner's signal map (/leren): every signal of the course by category, with how often the
// learner met it in a first answer, how often they recognised it, and the level that gives
// (mastery.ts).
//
// The page takes the signal list from its own code (shipped-signals.ts) and receives only the
// learner's counts as data, as one short text. SvelteKit serialises every value of a page's data
// into the page for the browser, at a cost per value: the 44 signals as objects with their labels
// were most of /leren's data and its largest single cost after the database (docs/operations.md).
import { CATEGORY_LABELS, SIGNAL_CATEGORIES, type SignalCategory } from './categories';
import { masteryLevel, type MasteryLevel } from './mastery';
import type { Signal } from './schema';

/** What the map shows of a signal. */
export type SignalEntry = Pick<Signal, 'id' | 'label' | 'category'>;

export interface SignalMapCategory {
	category: SignalCategory;
	label: string;
	signals: { id: string; label: string; seen: number; correct: number; level: MasteryLevel }[];
}

/**
 * The learner's records as the server sends them: `id:seen:correct` per signal they met,
 * comma-separated (read in one statement, manager/dashboard.ts). Signal ids are `[a-z0-9-]` (the
 * content schema's id), so neither separator occurs inside one; a malformed part is skipped.
 */
function decodeSignalCounts(text: string): Map<string, { seen: number; correct: number }> {
	const counts = new Map<string, { seen: number; correct: number }>();
	if (!text) return counts;
	for (const part of text.split(',')) {
		const first = part.indexOf(':');
		const second = part.indexOf(':', first + 1);
		if (first < 1 || second < 0) continue;
		const seen = Number(part.slice(first + 1, second));
		const correct = Number(part.slice(second + 1));
		if (Number.isFinite(seen) && Number.isFinite(correct)) {
			counts.set(part.slice(0, first), { seen, correct });
		}
	}
	return counts;
}

/**
 * The map: the categories in display order (those with signals), each with its signals in the
 * list's order and the learner's record of each (unseen when `counts` does not name it).
 */
export function signalMapOf(
	catalogue: readonly SignalEntry[],
	counts: string
): SignalMapCategory[] {
	const records = decodeSignalCounts(counts);
	const byCategory = new Map<SignalCategory, SignalMapCategory['signals']>();
	for (const s of catalogue) {
		const record = records.get(s.id);
		const seen = record?.seen ?? 0;
		const correct = record?.correct ?? 0;
		const signal = { id: s.id, label: s.label, seen, correct, level: masteryLevel(seen, correct) };
		const list = byCategory.get(s.category);
		if (list) list.push(signal);
		else byCategory.set(s.category, [signal]);
	}
	const map: SignalMapCategory[] = [];
	for (const category of SIGNAL_CATEGORIES) {
		const signals = byCategory.get(category);
		if (signals) map.push({ category, label: CATEGORY_LABELS[category], signals });
	}
	return map;
}
