// Dutch (nl-BE) interface text: the errors section of the catalogue.
export const errors = {
	title: (status: number) =>
		status === 404
			? 'Pagina niet gevonden'
			: status === 403
				? 'Geen toegang'
				: status === 429
					? 'Even wachten'
					: 'Er ging iets mis',
	403: 'Je hebt geen toegang tot deze pagina. Denk je dat dit niet klopt? Vraag het aan de beheerder van je organisatie.',
	404: 'Deze pagina bestaat niet (meer). Controleer het adres of ga terug naar de startpagina.',
	429: 'Je hebt te veel verzoeken na elkaar gestuurd. Wacht even en probeer het dan opnieuw.',
	500: 'Er ging iets mis aan onze kant. Je gegevens zijn niet verloren. Probeer het straks opnieuw.',
	/** Short answers for a refused or missing record behind a guard or an endpoint. */
	noAccess: 'Geen toegang',
	notFound: 'Niet gevonden',
	reference: (id: string) => `Foutcode: ${id}`,
	back: 'Naar de startpagina',
	badRequest: 'Dit verzoek kunnen we niet verwerken. Controleer wat je invulde en probeer opnieuw.',
	tooLarge: 'Wat je verstuurde is te groot.'
} as const;
