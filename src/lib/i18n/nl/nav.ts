// Dutch (nl-BE) interface text: the nav section of the catalogue.
export const nav = {
	home: 'Start',
	learn: 'Leren',
	certificates: 'Certificaten',
	manage: 'Beheer',
	author: 'Auteur',
	admin: 'Platformbeheer',
	profile: 'Profiel'
} as const;
