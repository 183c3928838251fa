// Dutch (nl-BE) interface text: the app section of the catalogue.
// The strings of the page frame (header, skip link): this section is in the script every page
// downloads, so it holds nothing else.
export const app = {
	name: 'Signaalwijs',
	skipLink: 'Naar de inhoud',
	mainNav: 'Hoofdmenu',
	signedInAs: (name: string) => `Aangemeld als ${name}`,
	signOut: 'Afmelden',
	signIn: 'Aanmelden',
	register: 'Registreren'
} as const;
