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

/**
 * The answers of a classify item, as module 1 defines them. Kept here, free of zod, because the
 * quiz view in the browser lists them: importing schema.ts there would ship zod (100 KB) to
 * learners, and zod's eval probe trips the Content Security Policy.
 */
export const CLASSIFY_ANSWERS = ['signaal', 'risicofactor', 'context', 'geen-signaal'] as const;
