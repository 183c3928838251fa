// Dutch (nl-BE) interface text: the certificates section of the catalogue.
export const certificates = {
	title: 'Mijn certificaten',
	intro:
		'Hier vind je al je certificaten, ook de oude. Met de code kan iemand anders nagaan of je certificaat echt is.',
	none: 'Je hebt nog geen certificaten. Je krijgt er een wanneer je de eindtoets van een module haalt.',
	status: {
		valid: 'Geldig',
		expiring: 'Verloopt binnenkort',
		expired: 'Verlopen',
		revoked: 'Ingetrokken',
		renewed: 'Vernieuwd'
	},
	statusLabel: 'Status',
	issued: 'Uitgereikt op',
	validUntil: 'Geldig tot',
	code: 'Controlecode',
	module: 'Module',
	name: 'Naam',
	organisation: 'Organisatie',
	downloadPdf: (module: string) => `Certificaat als pdf: ${module}`,
	publicPage: (module: string) => `Openbare controlepagina: ${module}`,
	openBadge: (module: string) => `Open Badge (digitaal bewijs): ${module}`,
	revokedReason: (reason: string) => `Reden van intrekking: ${reason}`,
	showOrganisation: 'Toon mijn organisatie op de openbare controlepagina',
	hideOrganisation: 'Verberg mijn organisatie op de openbare controlepagina',
	organisationShown: 'Je organisatie staat nu op de openbare controlepagina.',
	organisationHidden: 'Je organisatie staat niet meer op de openbare controlepagina.',
	organisationIsShown: 'Je organisatie staat op de openbare controlepagina.',
	organisationIsHidden: 'Je organisatie staat niet op de openbare controlepagina.',
	refresherNeeded: (date: string) => `Opfrissing nodig vóór ${date}`,
	refresherModules: (titles: string) =>
		`De opfrissing verlengt je certificaat voor: ${titles}. Je vindt ze in je leeroverzicht.`,
	refresherLink: 'Naar mijn leeroverzicht',
	history: 'Vervangen door een nieuwer certificaat.',
	gone: 'Dit certificaat is ingetrokken. Je kunt het niet meer downloaden.',
	pdf: {
		heading: 'Certificaat',
		intro: 'Signaalwijs verklaart dat',
		completed: 'de opleiding met succes heeft afgerond:',
		issued: (date: string) => `Uitgereikt op ${date}`,
		validUntil: (date: string) => `Geldig tot ${date}`,
		code: (code: string) => `Controlecode: ${code}`,
		verifyAt: (url: string) => `Controleer dit certificaat op ${url}`,
		issuer: 'Uitgereikt door Signaalwijs, opleiding tienerpooiers herkennen en handelen',
		documentTitle: (module: string) => `Certificaat ${module}`
	},
	verify: {
		title: 'Certificaat controleren',
		intro: 'Deze gegevens komen rechtstreeks uit Signaalwijs.',
		valid: 'Dit certificaat is echt en geldig.',
		notValid: (status: string) => `Dit certificaat is echt, maar niet meer geldig: ${status}.`,
		revoked: 'Dit certificaat is ingetrokken en geldt niet meer als bewijs.',
		renewed: 'Dit certificaat is vervangen door een nieuwer certificaat van dezelfde persoon.',
		unknownTitle: 'Certificaat niet gevonden',
		unknown:
			'Er bestaat geen certificaat met deze code. Controleer de code: ze heeft 28 tekens, in groepen van vier. De cijfers 0 en 1 en de letters o en l komen er niet in voor.',
		throttled: 'Je hebt veel codes na elkaar gecontroleerd. Wacht even en probeer het dan opnieuw.',
		formTitle: 'Een certificaat controleren',
		formIntro: 'Vul de controlecode in die op het certificaat staat.',
		formField: 'Controlecode',
		formButton: 'Controleren'
	},
	admin: {
		title: 'Certificaten intrekken',
		intro:
			'Zoek een certificaat op zijn controlecode. Trek het alleen in als het onterecht is uitgereikt, en noteer waarom.',
		search: 'Zoeken',
		notFound: 'Er is geen certificaat met deze code.',
		reason: 'Reden van intrekking',
		reasonHint: 'Tussen 5 en 500 tekens. De reden komt in het auditlogboek.',
		reasonRequired: 'Vul een reden in van minstens 5 tekens.',
		revoke: 'Certificaat intrekken',
		revoked: 'Het certificaat is ingetrokken. De controlepagina zegt nu dat het ingetrokken is.',
		alreadyRevoked: 'Dit certificaat was al ingetrokken.',
		holder: 'Houder'
	},
	reminderSubject: (kind: 'd30' | 'd7' | 'd0', module: string, date: string) =>
		kind === 'd0'
			? `Je certificaat ${module} verloopt vandaag`
			: `Je certificaat ${module} verloopt op ${date}`,
	reminderBody: (
		kind: 'd30' | 'd7' | 'd0',
		module: string,
		date: string,
		graceUntil: string | null,
		link: string
	) =>
		[
			kind === 'd0'
				? `Je certificaat voor de module "${module}" verloopt vandaag (${date}).`
				: `Je certificaat voor de module "${module}" is geldig tot ${date}.`,
			graceUntil
				? `Met de korte opfrissing (ongeveer 20 minuten) verleng je het. Dat kan nog tot ${graceUntil}; daarna moet je de volledige module opnieuw volgen.`
				: 'Volg de module opnieuw om een nieuw certificaat te krijgen.',
			`Je vindt de opfrissing in je leeroverzicht: ${link}`
		].join('\n\n'),
	/** The Open Badges credential: what the issuer is and what a certificate attests. */
	badge: {
		issuerDescription:
			'Signaalwijs leert leerkrachten en hulpverleners in Vlaanderen de signalen van tienerpooiers herkennen en erop handelen.',
		name: (moduleTitle: string) => `Certificaat ${moduleTitle}`,
		criteria: (moduleTitle: string, passPercent: number) =>
			`Heeft de module "${moduleTitle}" van Signaalwijs doorlopen (lessen, casussen en signaalvragen) en de eindtoets gehaald met minstens ${passPercent} %. Het certificaat blijft geldig tot de vervaldatum en wordt verlengd met een korte opfrissing.`
	}
} as const;
