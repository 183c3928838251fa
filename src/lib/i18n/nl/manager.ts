// Dutch (nl-BE) interface text: the manager section of the catalogue.
export const manager = {
	report: {
		status: {
			notStarted: 'niet gestart',
			inProgress: (percent: number) => `bezig ${percent} %`,
			completed: 'voltooid',
			certified: (date: string) => `certificaat geldig tot ${date}`,
			expired: (date: string) => `verlopen op ${date}`
		},
		csv: {
			name: 'Naam',
			email: 'E-mailadres',
			team: 'Team',
			audience: 'Beroep',
			lastActivity: 'Laatste activiteit'
		},
		noTeam: 'Zonder team',
		unknownAudience: 'Onbekend'
	},
	learners: {
		title: 'Deelnemers',
		pageTitle: (organisation: string) => `Deelnemers · ${organisation} · Signaalwijs`,
		filtersLabel: 'Deelnemers zoeken en filteren',
		search: 'Zoek op naam of e-mailadres',
		team: 'Team',
		allTeams: 'Alle teams',
		noTeam: 'Zonder team',
		audience: 'Beroep',
		allAudiences: 'Alle beroepen',
		module: 'Module',
		allModules: 'Alle modules',
		status: 'Status in die module',
		anyStatus: 'Elke status',
		statuses: {
			not_started: 'Niet gestart',
			in_progress: 'Bezig',
			completed: 'Voltooid',
			certified: 'Certificaat geldig',
			expired: 'Verlopen'
		},
		sort: {
			name: 'Naam',
			team: 'Team',
			audience: 'Beroep',
			activity: 'Laatste activiteit'
		},
		apply: 'Toepassen',
		clear: 'Filters wissen',
		found: (total: number, page: number, pages: number) =>
			`${total} ${total === 1 ? 'deelnemer' : 'deelnemers'} gevonden. Pagina ${page} van ${pages}.`,
		download: 'Deze lijst downloaden (CSV)',
		caption: (organisation: string, page: number) =>
			`Deelnemers van ${organisation}, pagina ${page}`,
		pagination: 'Paginering',
		previous: 'Vorige pagina',
		next: 'Volgende pagina',
		none: 'Geen deelnemers gevonden met deze filters.'
	},
	dashboard: {
		pageTitle: (organisation: string) => `Beheer · ${organisation} · Signaalwijs`,
		title: (organisation: string) => `Beheer van ${organisation}`,
		welcome: (name: string) => `Welkom, ${name}. Hier zie je hoe ver je organisatie staat.`,
		keyFigures: 'Kerncijfers',
		learners: 'Deelnemers',
		expiring: (days: number) => `Certificaten die binnen ${days} dagen vervallen`,
		overdue: 'Opdrachten over de vervaldatum (per deelnemer)',
		assignedHeading: 'Voltooid per toegewezen module',
		assignedTile: (title: string, completed: number, targeted: number) =>
			`${title}: ${completed} van ${targeted} voltooid`,
		noAssignments: 'Er zijn nog geen modules toegewezen.',
		assignLink: 'Wijs een module toe',
		trend: 'Verloop',
		perMonth: 'Voltooide modules per maand (laatste 12 maanden)',
		month: 'Maand',
		completed: 'Voltooid',
		perGroup: 'Voltooid per module en per',
		groups: { team: 'team', audience: 'beroep' },
		groupHeaders: { team: 'Team', audience: 'Beroep' },
		showPerAudience: 'toon per beroep',
		showPerTeam: 'toon per team',
		chartCaption: (title: string, group: string) => `${title}: voltooid per ${group}`,
		download: 'Deelnemerslijst downloaden (CSV voor Excel)'
	},
	learnerDetail: {
		pageTitle: (name: string) => `${name} · Deelnemers · Signaalwijs`,
		back: 'Terug naar de deelnemers',
		email: 'E-mailadres',
		team: 'Team',
		noTeam: 'geen team',
		audience: 'Beroep',
		privacy:
			'Je ziet modules, status, datums en certificaten. Antwoorden, keuzes en toetspogingen van deelnemers blijven privé.',
		modules: 'Modules',
		modulesOf: (name: string) => `Modules van ${name}`,
		module: 'Module',
		status: 'Status',
		started: 'Gestart',
		completed: 'Voltooid',
		lastActivity: 'Laatste activiteit',
		certificates: 'Certificaten',
		certificatesOf: (name: string) => `Certificaten van ${name}`,
		issued: 'Uitgereikt',
		validUntil: 'Geldig tot',
		certificateStates: { valid: 'geldig', expired: 'verlopen', revoked: 'ingetrokken' },
		noCertificates: 'Nog geen certificaten.',
		assigned: 'Toegewezen modules',
		due: (date: string) => `, af te ronden tegen ${date}`,
		noAssignments: 'Geen toegewezen modules.',
		extraAttemptHeading: 'Extra poging voor een eindtoets',
		extraAttemptIntro:
			'Heeft deze deelnemer alle pogingen voor een eindtoets gebruikt en vraagt die om nog een kans? Bekijk eerst samen welke stappen nog eens herhaald kunnen worden, en geef dan hier een extra poging. Hoe de toets verliep, zie je niet.',
		extraAttemptModule: 'Module',
		extraAttemptButton: 'Extra poging geven',
		extraAttemptNone: 'Er is nu geen module met een eindtoets waaraan deze deelnemer werkt.',
		extraAttemptGiven:
			'De deelnemer heeft een extra poging gekregen. Die verschijnt bij de eindtoets van de module.',
		extraAttemptMailSubject: (module: string) => `Een extra poging voor de eindtoets van ${module}`,
		extraAttemptMailBody: (organisation: string, module: string, link: string) =>
			`${organisation} gaf je een extra poging voor de eindtoets van de module ${module}. Neem gerust eerst de tijd om de stappen van de module nog eens door te nemen. Bij de eindtoets zie je wanneer je ze opnieuw kan maken.\n\n${link}`,
		extraAttemptNotPossible:
			'Voor deze module kan je geen extra poging geven: de deelnemer werkt er niet (meer) aan, of de module heeft geen eindtoets.',
		moveHeading: 'Team wijzigen',
		noTeamOption: 'Geen team',
		move: 'Verplaatsen'
	},
	teamsPage: {
		pageTitle: (organisation: string) => `Teams · ${organisation} · Signaalwijs`,
		title: 'Teams',
		intro: 'Een deelnemer verplaats je op de pagina van die deelnemer (via',
		learnersLink: 'Deelnemers',
		newHeading: 'Nieuw team',
		name: 'Naam van het team',
		create: 'Team aanmaken',
		listHeading: (organisation: string) => `Teams van ${organisation}`,
		caption: 'Teams en hun aantal deelnemers',
		team: 'Team',
		learners: 'Deelnemers',
		rename: 'Naam wijzigen',
		newName: (team: string) => `Nieuwe naam voor ${team}`,
		change: 'Wijzigen',
		none: 'Nog geen teams.'
	},
	assignmentsPage: {
		pageTitle: (organisation: string) => `Opdrachten · ${organisation} · Signaalwijs`,
		title: 'Opdrachten',
		intro:
			'Wijs een module toe aan je hele organisatie, een team of gekozen deelnemers. Deelnemers zien de opdracht bij Leren. Wie na de vervaldatum nog niet klaar is, krijgt één herinnering per e-mail.',
		newHeading: 'Module toewijzen',
		module: 'Module',
		target: 'Voor wie',
		team: 'Team',
		learners: 'Deelnemers',
		dueAt: 'Vervaldatum',
		targets: {
			organisation: 'Hele organisatie',
			team: 'Eén team',
			users: 'Gekozen deelnemers'
		},
		teamOf: (name: string) => `Team ${name}`,
		teamField: 'Team (als je "Eén team" koos)',
		chooseTeam: 'Kies een team',
		learnersField: 'Deelnemers (als je "Gekozen deelnemers" koos)',
		capped: 'Alleen de eerste 500 deelnemers staan hier; wijs grote groepen per team toe.',
		dueAtField: 'Vervaldatum (niet verplicht)',
		assign: 'Toewijzen',
		listHeading: 'Toegewezen modules',
		noDue: 'geen',
		action: 'Actie',
		delete: 'Verwijderen',
		none: 'Nog geen modules toegewezen.',
		unknown: 'Deze opdracht bestaat niet (meer).'
	},
	signalsPage: {
		pageTitle: (organisation: string) => `Signalenkaart · ${organisation} · Signaalwijs`,
		title: 'Signalenkaart per team',
		intro: (minimum: number) =>
			`Per team en soort signaal: welk deel van de signalen de deelnemers bij hun eerste antwoord herkenden. Een team verschijnt pas als minstens ${minimum} deelnemers meededen, zodat niemand herkenbaar is. Zo zie je waar een vorming of teamgesprek het meest oplevert.`,
		caption: 'Herkende signalen per team en soort signaal, in procent',
		team: 'Team',
		tooFew: 'te weinig deelnemers',
		noTeams: 'Je organisatie heeft nog geen teams.',
		createTeam: 'Maak een team aan'
	},
	nav: {
		label: 'Beheer',
		dashboard: 'Overzicht',
		learners: 'Deelnemers',
		invitations: 'Uitnodigingen',
		teams: 'Teams',
		assignments: 'Opdrachten',
		signals: 'Signalenkaart'
	},
	teams: {
		nameTaken: (name: string) => `Er bestaat al een team met de naam ${name}.`,
		unknownTeam: 'Dit team bestaat niet (meer) in je organisatie.',
		unknownLearner: 'Deze deelnemer hoort niet bij je organisatie.',
		created: (name: string) => `Het team ${name} is aangemaakt.`,
		renamed: (name: string) => `Het team heet nu ${name}.`,
		moved: 'De deelnemer is verplaatst.'
	},
	assignments: {
		unknownModule: 'Kies een module uit de lijst.',
		chooseTeam: 'Kies een team van je organisatie.',
		chooseLearners: 'Kies minstens één deelnemer van je organisatie.',
		badDate: 'Vul een geldige datum in, zoals 30-06-2026, of laat het veld leeg.',
		created: 'De opdracht is toegewezen.',
		deleted: 'De opdracht is verwijderd.',
		reminderSubject: (module: string) => `Herinnering: ${module} in Signaalwijs`,
		reminderBody: (organisation: string, module: string, due: Date, link: string) =>
			`${organisation} vroeg je om de module ${module} af te ronden tegen ${due.toLocaleDateString('nl-BE', { timeZone: 'Europe/Brussels' })}. Die datum is voorbij en de module is nog niet afgerond.\n\nJe kunt verdergaan waar je gebleven was:\n\n${link}`
	},
	bulk: {
		tooLarge: (kb: number) => `Het bestand is te groot. Een bestand mag hoogstens ${kb} kB zijn.`,
		notUtf8:
			'Het bestand is geen UTF-8-tekst. Bewaar het in Excel als "CSV UTF-8" en probeer opnieuw.',
		empty: 'Het bestand bevat geen deelnemers.',
		noHeader:
			'De eerste regel moet de kolomnamen bevatten: e-mail, naam, team en beroep (alleen e-mail is verplicht).',
		tooManyRows: (n: number) =>
			`Het bestand heeft te veel regels. Nodig hoogstens ${n} mensen tegelijk uit.`,
		missingEmail: 'Het e-mailadres ontbreekt.',
		badEmail: 'Dit is geen geldig e-mailadres.',
		badName: 'De naam is niet geldig.',
		unknownTeam: (team: string) =>
			`Het team ${team} bestaat niet. Maak het eerst aan bij Teams of verbeter de naam.`,
		badAudience: 'Het beroep moet leerkracht of hulpverlener zijn.',
		duplicate: (line: number) => `Dit e-mailadres staat al op regel ${line}.`,
		alreadyMember: 'Is al lid van je organisatie; wordt overgeslagen.',
		alreadyInvited: 'Heeft al een open uitnodiging; wordt overgeslagen.',
		chooseFile: 'Kies een CSV-bestand.',
		expired: 'Dit voorbeeld is niet meer geldig. Laad het bestand opnieuw op.',
		done: (invited: number, skipped: number) =>
			`${invited} ${invited === 1 ? 'uitnodiging' : 'uitnodigingen'} verstuurd, ${skipped} overgeslagen.`
	}
} as const;
