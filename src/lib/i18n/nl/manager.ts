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
