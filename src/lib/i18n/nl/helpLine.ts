// Dutch (nl-BE) interface text: the helpLine section of the catalogue (the site footer's help
// line, on every page; the help-line box in lessons has its own section, helpLineBox, so its
// strings stay out of the script every page downloads).
export const helpLine = {
	heading: 'Hulp nodig of zorgen om een jongere?',
	phone: '116 000',
	email: '116000@childfocus.org',
	emergency: 'In nood: bel de politie op 101 of 112.',
	// The footer's sentence around the phone link and the e-mail link.
	footerCall: 'Bel gratis',
	footerOn: 'op',
	footerAfterPhone: ', dag en nacht, ook anoniem. Of mail naar'
} as const;
