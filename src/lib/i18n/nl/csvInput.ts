// Dutch (nl-BE) input vocabulary: the words managers type in the header row of an invitation CSV
// (/beheer/uitnodigingen). Not text we show but text we read; it lives beside the interface text
// so that a translation adds the words of its language here. The first name of each column is
// the one the page tells managers to use.
export const csvInput = {
	headers: {
		email: ['e-mail', 'email', 'e-mailadres', 'emailadres', 'mail'],
		name: ['naam', 'name', 'volledige naam'],
		team: ['team', 'groep'],
		audience: ['beroep', 'doelgroep', 'audience', 'functie']
	}
} as const;
