// Dutch (nl-BE) interface text: the helpLine section of the catalogue.
export const helpLine = {
	heading: 'Hulp nodig of zorgen om een jongere?',
	text: 'Bel gratis Child Focus op 116 000, dag en nacht, ook anoniem. Of mail naar 116000@childfocus.org.',
	phone: '116 000',
	email: '116000@childfocus.org',
	emergency: 'In nood: bel de politie op 101 of 112.'
} as const;
