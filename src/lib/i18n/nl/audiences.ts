// Dutch (nl-BE) interface text: the audiences section of the catalogue.
export const audiences = {
	leerkracht: 'Leerkracht',
	hulpverlener: 'Hulpverlener'
} as const;
