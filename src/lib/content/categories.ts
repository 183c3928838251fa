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
