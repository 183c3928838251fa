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
