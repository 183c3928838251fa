import { messages } from '$lib/i18n';

// The eight signal categories of the taxonomy, in display order, with their labels from the
// catalogue (messages.lesson.categories).
export const SIGNAL_CATEGORIES = [
	'uiterlijk',
	'gedrag',
	'school',
	'relaties',
	'online',
	'geld',
	'lichamelijk',
	'plaatsen'
] as const;

export type SignalCategory = (typeof SIGNAL_CATEGORIES)[number];

export const CATEGORY_LABELS: Record<SignalCategory, string> = messages.lesson.categories;

// The answers of a classify item live in ./classify.ts, which the quiz view in the browser imports
// without this file's catalogue labels.
export { CLASSIFY_ANSWERS } from './classify';
