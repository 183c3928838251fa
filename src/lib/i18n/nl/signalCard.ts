// The printable signal card per module (A5 PDF) and the links to it.
export const signalCard = {
	link: 'Signaalkaart (pdf, A5) om af te drukken',
	linkFor: (title: string) => `Signaalkaart van ${title} (pdf, A5)`,
	documentTitle: (title: string) => `Signaalkaart: ${title}`,
	heading: 'Signaalkaart',
	signalsHeading: 'Signalen om op te letten',
	ruleHeading: 'Kijk naar het geheel',
	rule: 'Eén signaal zegt weinig. Een combinatie van signalen over tijd, en hoe snel iets verandert, zegt wel iets.',
	stepsHeading: 'Eerste stappen',
	steps: [
		'Noteer wat je ziet en hoort, met datum, zonder te oordelen.',
		'Blijf in contact met de jongere. Luister, en beloof geen geheimhouding.',
		'Bespreek je zorg met je aandachtsfunctionaris, vertrouwenspersoon of team.',
		'Vraag advies bij een hulplijn hieronder. Handel niet alleen.',
		'Is er acuut gevaar? Bel meteen 101 of 112.'
	],
	contactsHeading: 'Contacten',
	footer: 'Signaalwijs · Afdrukken op A5 of op A4 (twee per blad).'
} as const;
