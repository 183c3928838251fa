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
 * The categories of a classify statement; each is defined once, in a lesson (`defines`). Here
 * rather than in schema.ts so the browser can read them without loading zod.
 */
export const CLASSIFY_ANSWERS = ['signaal', 'risicofactor', 'context', 'geen-signaal'] as const;
