// Dutch (nl-BE) interface text: the home section of the catalogue (the public start page).
export const home = {
	title: 'Signaalwijs · Signalen van tienerpooiers herkennen',
	description:
		'Opleiding voor leerkrachten en hulpverleners in Vlaanderen: signalen van tienerpooiers herkennen en weten wat je doet.',
	heading: 'Signalen van tienerpooiers herkennen en weten wat je doet',
	lead: 'Signaalwijs is een online opleiding voor leerkrachten en hulpverleners in Vlaanderen. Je leert signalen herkennen, een combinatie van signalen wegen en weten wie je belt.',
	continue: 'Verder naar mijn overzicht',
	createAccount: 'Account maken',
	forWhom: 'Voor wie?',
	audiences: [
		{ who: 'Leerkrachten en schoolteams', what: 'die signalen bij leerlingen willen herkennen.' },
		{
			who: 'Hulpverleners',
			what: 'in de jeugdhulp, het CLB en het jeugdwerk die jongeren begeleiden.'
		},
		{
			who: 'Directies en teamverantwoordelijken',
			what: 'die willen zien wie de opleiding gevolgd heeft.'
		}
	],
	howItWorks: 'Hoe werkt het?',
	steps: [
		'Je krijgt een uitnodiging van je school of organisatie, of je maakt zelf een account.',
		'Je volgt korte modules met uitleg, casussen waarin je zelf beslist en oefeningen met signalen.',
		'Na de eindtoets krijg je een certificaat. Een korte opfrissing houdt het geldig.'
	],
	definition:
		'Een tienerpooier is een mensenhandelaar die een jongere afhankelijk maakt en uitbuit. In Vlaanderen zeggen we bewust niet "loverboy": dat woord klinkt te onschuldig.',
	signInHeading: 'Aanmelden',
	signInText:
		'Meld je aan met het e-mailadres waarop je de uitnodiging kreeg. Wachtwoord vergeten? Via',
	forgotLink: 'wachtwoord vergeten',
	signInTextAfter: 'kies je een nieuw.'
} as const;
