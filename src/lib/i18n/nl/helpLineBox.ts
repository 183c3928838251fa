// Dutch (nl-BE) interface text: the helpLineBox section of the catalogue (the help-line box in
// lessons; the phone number and address are in helpLine).
export const helpLineBox = {
	label: 'Hulplijn Child Focus',
	title: 'Zelf geraakt of ongerust over een jongere?',
	call: 'Bel',
	on: 'op',
	mail: 'of mail naar',
	facts: ['gratis', 'dag en nacht, 7 dagen op 7', 'anoniem kan'],
	emergency: 'Is er acuut gevaar? Bel de politie op',
	emergencyOr: 'of het noodnummer'
} as const;
