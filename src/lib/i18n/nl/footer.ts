// Dutch (nl-BE) interface text: the footer section of the catalogue.
export const footer = {
	accessibility: 'Toegankelijkheid',
	privacy: 'Privacy',
	about: 'Signaalwijs is een opleidingsplatform voor leerkrachten en hulpverleners in Vlaanderen.'
} as const;
