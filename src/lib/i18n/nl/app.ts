// Dutch (nl-BE) interface text: the app section of the catalogue.
export const app = {
	name: 'Signaalwijs',
	tagline: 'Signalen van tienerpooiers herkennen en weten wat je doet',
	skipLink: 'Naar de inhoud',
	mainNav: 'Hoofdmenu',
	signedInAs: (name: string) => `Aangemeld als ${name}`,
	signOut: 'Afmelden',
	signIn: 'Aanmelden',
	register: 'Registreren',
	profile: 'Mijn profiel'
} as const;
