// Dutch (nl-BE) interface text: the helpLine section of the catalogue.
export const helpLine = {
	heading: 'Hulp nodig of zorgen om een jongere?',
	text: 'Bel gratis Child Focus op 116 000, dag en nacht, ook anoniem. Of mail naar 116000@childfocus.org.',
	phone: '116 000',
	email: '116000@childfocus.org',
	emergency: 'In nood: bel de politie op 101 of 112.',
	// The footer's sentence around the phone link and the e-mail link.
	footerCall: 'Bel gratis',
	footerOn: 'op',
	footerAfterPhone: ', dag en nacht, ook anoniem. Of mail naar',
	// The help-line box in lessons.
	boxLabel: 'Hulplijn Child Focus',
	boxTitle: 'Zelf geraakt of ongerust over een jongere?',
	boxCall: 'Bel',
	boxMail: 'of mail naar',
	boxFacts: ['gratis', 'dag en nacht, 7 dagen op 7', 'anoniem kan'],
	boxEmergency: 'Is er acuut gevaar? Bel de politie op',
	boxEmergencyOr: 'of het noodnummer'
} as const;
