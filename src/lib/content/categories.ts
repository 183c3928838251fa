// The eight signal categories of the taxonomy, in display order, with their Dutch labels.
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

export const CATEGORY_LABELS: Record<SignalCategory, string> = {
	uiterlijk: 'Uiterlijk',
	gedrag: 'Gedrag',
	school: 'School',
	relaties: 'Relaties en vrienden',
	online: 'Online',
	geld: 'Geld en spullen',
	lichamelijk: 'Lichamelijk',
	plaatsen: 'Plaatsen en verblijf'
};

/**
 * The answers of a classify item, as module 1 defines them. Kept here, free of zod, because the
 * quiz view in the browser lists them: importing schema.ts there would ship zod (100 KB) to
 * learners, and zod's eval probe trips the Content Security Policy.
 */
export const CLASSIFY_ANSWERS = ['signaal', 'risicofactor', 'context', 'geen-signaal'] as const;
